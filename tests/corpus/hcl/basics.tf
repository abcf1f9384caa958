# comment
resource "aws_kms_key" "k" {
  description = "hi ${var.x} there"
  n = 1.5e3
  b = true
  l = [1, 2, "x"]
  m = [var.a, 2]
  o = { a = 1, "b" = 2 }
  o2 = { a = var.x }
  h = <<-EOT
    hello
      world
    EOT
  h2 = <<EOT
x ${a} y
EOT
  s = "${var.x}"
  neg = -1
  t = "a\nb\u00e9"
  lifecycle {
    ignore_changes = [tags]
  }
  x = null
  e = {}
  p = (1)
  k = { (var.x) = 1 }
  k2 = { a: 1 }
}
resource "aws_kms_key" "k" {}
resource "aws_kms_key" "j" {}
locals { a = 1 }
locals { b = 1 }
module "m" {
  source = "./x"
}
b "x" y z {}
