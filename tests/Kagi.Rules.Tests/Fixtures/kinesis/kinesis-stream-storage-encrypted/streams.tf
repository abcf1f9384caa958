resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

variable "encryption_type_without_default" {
  type = string
}

resource "aws_kinesis_stream" "pass_kms_with_customer_key" {
  name            = "pass-kms-with-customer-key"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.app.arn
}

resource "aws_kinesis_stream" "pass_kms_with_aws_managed_alias" {
  name            = "pass-kms-with-aws-managed-alias"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_kinesis_stream" "fail_unencrypted_by_default" {
  name        = "fail-unencrypted-by-default"
  shard_count = 1
}

resource "aws_kinesis_stream" "fail_encryption_none" {
  name            = "fail-encryption-none"
  shard_count     = 1
  encryption_type = "NONE"
}

resource "aws_kinesis_stream" "unknown_encryption_type_from_variable" {
  name            = "unknown-encryption-type-from-variable"
  shard_count     = 1
  encryption_type = var.encryption_type_without_default
}
