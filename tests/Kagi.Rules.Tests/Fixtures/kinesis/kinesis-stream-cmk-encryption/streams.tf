resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

resource "aws_kms_alias" "app" {
  name          = "alias/streams-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_alias" "kinesis" {
  name = "alias/aws/kinesis"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-streams"
}

variable "key_without_default" {
  type = string
}

variable "encryption_type_without_default" {
  type = string
}

resource "aws_kinesis_stream" "pass_key_resource" {
  name            = "pass-key-resource"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.app.arn
}

resource "aws_kinesis_stream" "pass_alias_resource" {
  name            = "pass-alias-resource"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_alias.app.name
}

resource "aws_kinesis_stream" "pass_hsm_key" {
  name            = "pass-hsm-key"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.hsm.id
}

resource "aws_kinesis_stream" "pass_customer_key_data_source" {
  name            = "pass-customer-key-data-source"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = data.aws_kms_key.team.arn
}

resource "aws_kinesis_stream" "fail_unencrypted_by_default" {
  name        = "fail-unencrypted-by-default"
  shard_count = 1
}

resource "aws_kinesis_stream" "fail_encryption_none_with_key" {
  name            = "fail-encryption-none-with-key"
  shard_count     = 1
  encryption_type = "NONE"
  kms_key_id      = aws_kms_key.app.arn
}

resource "aws_kinesis_stream" "fail_aws_managed_alias" {
  name            = "fail-aws-managed-alias"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_kinesis_stream" "fail_aws_managed_alias_data_source" {
  name            = "fail-aws-managed-alias-data-source"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = data.aws_kms_alias.kinesis.name
}

resource "aws_kinesis_stream" "unknown_literal_key_arn" {
  name            = "unknown-literal-key-arn"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_kinesis_stream" "unknown_variable_without_default" {
  name            = "unknown-variable-without-default"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = var.key_without_default
}

resource "aws_kinesis_stream" "unknown_encryption_type_from_variable" {
  name            = "unknown-encryption-type-from-variable"
  shard_count     = 1
  encryption_type = var.encryption_type_without_default
  kms_key_id      = aws_kms_key.app.arn
}
