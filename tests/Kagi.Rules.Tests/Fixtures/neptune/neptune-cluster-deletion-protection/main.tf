variable "protect" {
  type = bool
}

resource "aws_neptune_cluster" "pass_protected" {
  cluster_identifier  = "pass-protected"
  deletion_protection = true
}

resource "aws_neptune_cluster" "fail_attribute_absent" {
  cluster_identifier = "fail-attribute-absent"
}

resource "aws_neptune_cluster" "fail_explicitly_false" {
  deletion_protection = false
}

resource "aws_neptune_cluster" "unknown_variable_without_default" {
  deletion_protection = var.protect
}
