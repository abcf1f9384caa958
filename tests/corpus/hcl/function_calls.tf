locals {
  no_args     = timestamp()
  one_arg     = upper("x")
  many_args   = join(",", ["a", "b"], var.extra)
  expansion   = concat(var.lists...)
  expand_two  = format("%s-%s", var.parts...)
  nested      = lookup(merge(var.a, var.b), "k", null)
  multi_line  = coalesce(
    var.first,
    var.second,
  )
  trailing_comma = max(1, 2, 3,)
  namespaced  = provider::aws::arn_parse(var.arn)
  encode      = jsonencode({ a = 1, b = [true, null] })
  call_then_index = split(",", var.csv)[0]
  call_then_attr  = data.aws_caller_identity.current.account_id
}
