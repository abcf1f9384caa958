resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-logs"
}

variable "key_without_default" {
  type = string
}

resource "aws_cloudwatch_log_group" "pass_key_resource" {
  name       = "/app/pass-key-resource"
  kms_key_id = aws_kms_key.app.arn
}

resource "aws_cloudwatch_log_group" "pass_hsm_key" {
  name       = "/app/pass-hsm-key"
  kms_key_id = aws_kms_key.hsm.arn
}

resource "aws_cloudwatch_log_group" "pass_customer_key_data_source" {
  name       = "/app/pass-customer-key-data-source"
  kms_key_id = data.aws_kms_key.team.arn
}

resource "aws_cloudwatch_log_group" "fail_no_key" {
  name = "/app/fail-no-key"
}

resource "aws_cloudwatch_log_group" "fail_null_key" {
  name_prefix = "/app/fail-null-key-"
  kms_key_id  = null
}

resource "aws_cloudwatch_log_group" "fail_empty_key" {
  name       = "/app/fail-empty-key"
  kms_key_id = ""
}

resource "aws_cloudwatch_log_group" "unknown_literal_key_arn" {
  name       = "/app/unknown-literal-key-arn"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_cloudwatch_log_group" "unknown_variable_without_default" {
  name       = "/app/unknown-variable-without-default"
  kms_key_id = var.key_without_default
}
