resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_alias" "app" {
  name          = "alias/files-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_key" "efs" {
  key_id = "alias/aws/elasticfilesystem"
}

variable "key_arn_without_default" {
  type = string
}
