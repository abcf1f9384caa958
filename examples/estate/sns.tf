# SNS topics: one on the provider default (unencrypted), one on the AWS-managed key, one on a customer-managed key.
resource "aws_kms_key" "sns" {
  description         = "customer-managed key for SNS"
  enable_key_rotation = true
}

resource "aws_sns_topic" "unencrypted_default" {
  name = "estate-unencrypted-default"
}

resource "aws_sns_topic" "on_aws_managed" {
  name              = "estate-on-aws-managed"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic" "on_cmk" {
  name              = "estate-on-cmk"
  kms_master_key_id = aws_kms_key.sns.arn
}
