a = { a.b = 1, "x${y}" = 2, 3 = 4, true = 5 }
b = "a${1}b${x ? 1 : 2}c%{ if x }y%{ endif }${"q"}"
c = "${1}"
d = "${[1, x]}"
e = -x
f = !true
g = "%{for a, b in c ~}x${a}%{endfor}"
h = <<-EOT
    ${x}
  y
  EOT
