variable "iam_auth" {
  type = bool
}

resource "aws_neptune_cluster" "pass_iam_auth" {
  cluster_identifier                  = "pass-iam-auth"
  iam_database_authentication_enabled = true
}

resource "aws_neptune_cluster" "fail_attribute_absent" {
  cluster_identifier = "fail-attribute-absent"
}

resource "aws_neptune_cluster" "fail_explicitly_false" {
  iam_database_authentication_enabled = false
}

resource "aws_neptune_cluster" "unknown_variable_without_default" {
  iam_database_authentication_enabled = var.iam_auth
}
