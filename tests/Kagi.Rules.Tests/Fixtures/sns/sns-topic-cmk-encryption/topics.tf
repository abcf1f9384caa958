resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

resource "aws_kms_alias" "app" {
  name          = "alias/topics-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_alias" "sns" {
  name = "alias/aws/sns"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-topics"
}

variable "key_without_default" {
  type = string
}

resource "aws_sns_topic" "pass_key_resource" {
  name              = "pass-key-resource"
  kms_master_key_id = aws_kms_key.app.arn
}

resource "aws_sns_topic" "pass_alias_resource" {
  name              = "pass-alias-resource"
  kms_master_key_id = aws_kms_alias.app.name
}

resource "aws_sns_topic" "pass_hsm_key" {
  name              = "pass-hsm-key"
  kms_master_key_id = aws_kms_key.hsm.id
}

resource "aws_sns_topic" "pass_customer_key_data_source" {
  name              = "pass-customer-key-data-source"
  kms_master_key_id = data.aws_kms_key.team.arn
}

resource "aws_sns_topic" "pass_customer_alias_literal" {
  name              = "pass-customer-alias-literal"
  kms_master_key_id = "alias/team-topics"
}

resource "aws_sns_topic" "fail_unencrypted_by_default" {
  name = "fail-unencrypted-by-default"
}

resource "aws_sns_topic" "fail_empty_key" {
  name              = "fail-empty-key"
  kms_master_key_id = ""
}

resource "aws_sns_topic" "fail_aws_managed_alias" {
  name              = "fail-aws-managed-alias"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic" "fail_aws_managed_alias_data_source" {
  name              = "fail-aws-managed-alias-data-source"
  kms_master_key_id = data.aws_kms_alias.sns.name
}

resource "aws_sns_topic" "unknown_literal_key_arn" {
  name              = "unknown-literal-key-arn"
  kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_sns_topic" "unknown_variable_without_default" {
  name              = "unknown-variable-without-default"
  kms_master_key_id = var.key_without_default
}
