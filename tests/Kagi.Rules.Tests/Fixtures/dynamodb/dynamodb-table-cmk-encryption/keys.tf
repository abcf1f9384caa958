resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_alias" "app" {
  name          = "alias/table-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_alias" "dynamodb" {
  name = "alias/aws/dynamodb"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-tables"
}

variable "key_arn_without_default" {
  type = string
}

variable "sse_without_default" {
  type = bool
}
