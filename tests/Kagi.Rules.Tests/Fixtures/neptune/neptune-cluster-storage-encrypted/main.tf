variable "encrypted_default_true" {
  type    = bool
  default = true
}

variable "encrypted_without_default" {
  type = bool
}

locals {
  production = true
}

resource "aws_neptune_cluster" "pass_encrypted" {
  cluster_identifier = "pass-encrypted"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "pass_encrypted_by_variable_default" {
  storage_encrypted = var.encrypted_default_true
}

resource "aws_neptune_cluster" "pass_encrypted_by_conditional" {
  storage_encrypted = local.production ? true : false
}

resource "aws_neptune_cluster" "pass_encrypted_string_true" {
  storage_encrypted = "true"
}

resource "aws_neptune_cluster" "fail_attribute_absent" {
  cluster_identifier = "fail-attribute-absent"
}

resource "aws_neptune_cluster" "fail_explicitly_false" {
  storage_encrypted = false
}

resource "aws_neptune_cluster" "fail_null" {
  storage_encrypted = null
}

resource "aws_neptune_cluster" "unknown_variable_without_default" {
  storage_encrypted = var.encrypted_without_default
}
