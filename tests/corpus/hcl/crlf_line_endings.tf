locals {
  a = 1
  b = "two"
  c = [1,
    2]
  h = <<EOT
line one
  line two
EOT
  f = <<-EOT
    x
    EOT
}
