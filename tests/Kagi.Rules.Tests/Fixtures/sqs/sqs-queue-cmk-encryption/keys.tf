resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_alias" "app" {
  name          = "alias/queue-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_alias" "sqs" {
  name = "alias/aws/sqs"
}

variable "key_id_without_default" {
  type = string
}

variable "sse_without_default" {
  type = bool
}
