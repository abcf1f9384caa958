resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_alias" "app" {
  name          = "alias/db-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_alias" "rds" {
  name = "alias/aws/rds"
}

data "aws_kms_key" "rds" {
  key_id = "alias/aws/rds"
}

variable "key_arn_without_default" {
  type = string
}
