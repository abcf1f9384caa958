locals {
  if_else   = "Hello, %{if var.name != ""}${var.name}%{else}unnamed%{endif}!"
  if_only   = "%{ if var.enabled }on%{ endif }"
  for_plain = "%{for name in var.names}${name},%{endfor}"
  for_kv    = "%{for k, v in var.tags}${k}=${v};%{endfor}"
  strip     = "a   ${~ var.x ~}   b"
  strip_dir = "x  %{~ if var.y ~}  yes  %{~ endif ~}  z"
  nested    = "%{for g in var.groups}%{if g.enabled}${g.name}%{endif}%{endfor}"
  in_heredoc = <<EOT
%{ for name in var.names ~}
server ${name}
%{ endfor ~}
done
EOT
  conditional_interp = "size: ${var.big ? "large" : "small"}"
  nested_template    = "outer ${"inner ${var.x} text"} end"
  literal_interp     = "n=${42} b=${true}"
  only_interp        = "${var.whole}"
  only_literal_interp = "${"just text"}"
}
