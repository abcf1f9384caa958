resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

resource "aws_kms_alias" "app" {
  name          = "alias/graph-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_alias" "rds" {
  name = "alias/aws/rds"
}

data "aws_kms_alias" "team" {
  name = "alias/team-graph"
}

data "aws_kms_key" "rds" {
  key_id = "alias/aws/rds"
}

variable "key_arn_without_default" {
  type = string
}

variable "encrypt_without_default" {
  type = bool
}

variable "key_arn_with_default" {
  type    = string
  default = "alias/graph-from-variable"
}

locals {
  cluster_key = aws_kms_key.app.arn
  use_hsm     = true
}
