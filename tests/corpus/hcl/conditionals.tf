locals {
  simple     = var.enabled ? 1 : 0
  nested     = var.a ? "a" : var.b ? "b" : "c"
  in_parens  = (var.x == null ? "none" : var.x)
  with_calls = length(var.list) > 0 ? element(var.list, 0) : null
  kms        = var.kms_key_arn != "" ? var.kms_key_arn : aws_kms_key.default[0].arn
  multi_line = (
    var.production
    ? "db.r6g.large"
    : "db.t4g.medium"
  )
  tuple_result = var.a ? [1, 2] : []
}
