locals {
  first       = aws_instance.web.0.id
  second      = var.list.1
  nested      = var.matrix.0.name
  mixed       = aws_subnet.a.2.cidr_block
  with_brackets = var.m["key"].0
}
