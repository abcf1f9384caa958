resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

data "aws_kms_alias" "s3" {
  name = "alias/aws/s3"
}

variable "key_arn_without_default" {
  type = string
}

variable "algorithm_without_default" {
  type = string
}
