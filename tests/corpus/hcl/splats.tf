locals {
  full_splat       = aws_instance.web[*].id
  full_splat_index = var.list[*].tags["Name"]
  attr_splat       = aws_instance.web.*.private_ip
  attr_then_index  = aws_instance.web.*.ebs[0]
  splat_no_steps   = var.list[*]
  nested_splat     = var.a[*].b[*].c
  splat_of_call    = tolist(var.set)[*].name
  splat_then_index = var.items[*].id[0]
  spaced_splat     = var.list[ * ].x
}
