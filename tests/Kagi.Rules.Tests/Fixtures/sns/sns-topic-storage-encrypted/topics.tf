resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

data "aws_kms_alias" "sns" {
  name = "alias/aws/sns"
}

variable "key_without_default" {
  type = string
}

resource "aws_sns_topic" "pass_key_resource" {
  name              = "pass-key-resource"
  kms_master_key_id = aws_kms_key.app.arn
}

resource "aws_sns_topic" "pass_aws_managed_alias" {
  name              = "pass-aws-managed-alias"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic" "pass_aws_managed_alias_data_source" {
  name_prefix       = "pass-aws-managed-alias-data-source"
  kms_master_key_id = data.aws_kms_alias.sns.name
}

resource "aws_sns_topic" "fail_unencrypted_by_default" {
  name = "fail-unencrypted-by-default"
}

resource "aws_sns_topic" "fail_empty_key" {
  name              = "fail-empty-key"
  kms_master_key_id = ""
}

resource "aws_sns_topic" "unknown_variable_without_default" {
  name              = "unknown-variable-without-default"
  kms_master_key_id = var.key_without_default
}
