variable "exports" {
  type = list(string)
}

resource "aws_neptune_cluster" "pass_audit_exported" {
  cluster_identifier             = "pass-audit-exported"
  enable_cloudwatch_logs_exports = ["audit", "slowquery"]
}

resource "aws_neptune_cluster" "fail_attribute_absent" {
  cluster_identifier = "fail-attribute-absent"
}

resource "aws_neptune_cluster" "fail_only_slow_queries" {
  enable_cloudwatch_logs_exports = ["slowquery"]
}

resource "aws_neptune_cluster" "unknown_variable_without_default" {
  enable_cloudwatch_logs_exports = var.exports
}
