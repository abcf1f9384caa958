variable "key_id_without_default" {
  type = string
}

variable "sse_without_default" {
  type = bool
}

resource "aws_kms_key" "app" {
  description = "customer-managed key"
}

# SQS encrypts new queues with its own key unless told not to.
resource "aws_sqs_queue" "pass_provider_default" {
  name = "pass-provider-default"
}

resource "aws_sqs_queue" "pass_sqs_managed_sse" {
  name                    = "pass-sqs-managed-sse"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "pass_kms_key" {
  name              = "pass-kms-key"
  kms_master_key_id = aws_kms_key.app.arn
}

resource "aws_sqs_queue" "pass_aws_managed_key" {
  name              = "pass-aws-managed-key"
  kms_master_key_id = "alias/aws/sqs"
}

# A key known only after apply may be none; then SSE-SQS, on by default, still encrypts.
resource "aws_sqs_queue" "pass_key_from_variable" {
  name              = "pass-key-from-variable"
  kms_master_key_id = var.key_id_without_default
}

resource "aws_sqs_queue" "fail_sse_turned_off" {
  name                    = "fail-sse-turned-off"
  sqs_managed_sse_enabled = false
}

resource "aws_sqs_queue" "unknown_sse_from_variable" {
  name                    = "unknown-sse-from-variable"
  sqs_managed_sse_enabled = var.sse_without_default
}
