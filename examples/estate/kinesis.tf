# Kinesis data streams: one on the provider default (unencrypted), one on the AWS-managed key, one on a customer-managed key.
resource "aws_kms_key" "kinesis" {
  description         = "customer-managed key for Kinesis"
  enable_key_rotation = true
}

resource "aws_kinesis_stream" "unencrypted_default" {
  name        = "estate-unencrypted-default"
  shard_count = 1
}

resource "aws_kinesis_stream" "on_aws_managed" {
  name            = "estate-on-aws-managed"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_kinesis_stream" "on_cmk" {
  name            = "estate-on-cmk"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = aws_kms_key.kinesis.arn
}
