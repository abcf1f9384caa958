# A strip marker that empties the only literal leaves a template, not a lone interpolation.
locals {
  heredoc = <<EOT
  	${~- 0~}
  EOT
  quoted   = " ${~ var.x}"
  both     = "  ${~ -1 ~}  "
  lone     = "${-1}"
  flushed  = <<-EOT
    ${var.x}
    EOT
}
