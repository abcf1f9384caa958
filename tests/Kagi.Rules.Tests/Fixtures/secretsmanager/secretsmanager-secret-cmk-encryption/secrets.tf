resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

resource "aws_kms_alias" "app" {
  name          = "alias/secrets-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_alias" "secretsmanager" {
  name = "alias/aws/secretsmanager"
}

data "aws_kms_alias" "team" {
  name = "alias/team-secrets"
}

variable "key_without_default" {
  type = string
}

resource "aws_secretsmanager_secret" "pass_key_resource" {
  name       = "pass-key-resource"
  kms_key_id = aws_kms_key.app.arn
}

resource "aws_secretsmanager_secret" "pass_key_id_of_key_resource" {
  name       = "pass-key-id"
  kms_key_id = aws_kms_key.app.key_id
}

resource "aws_secretsmanager_secret" "pass_alias_resource" {
  name       = "pass-alias-resource"
  kms_key_id = aws_kms_alias.app.name
}

resource "aws_secretsmanager_secret" "pass_hsm_key" {
  name       = "pass-hsm-key"
  kms_key_id = aws_kms_key.hsm.arn
}

resource "aws_secretsmanager_secret" "pass_customer_alias_data_source" {
  name       = "pass-customer-alias-data-source"
  kms_key_id = data.aws_kms_alias.team.target_key_arn
}

resource "aws_secretsmanager_secret" "pass_customer_alias_name" {
  name       = "pass-customer-alias-name"
  kms_key_id = "alias/secrets-app"
}

resource "aws_secretsmanager_secret" "fail_no_key" {
  name = "fail-no-key"
}

resource "aws_secretsmanager_secret" "fail_null_key" {
  name_prefix = "fail-null-key-"
  kms_key_id  = null
}

resource "aws_secretsmanager_secret" "fail_aws_managed_alias_name" {
  name       = "fail-aws-managed-alias-name"
  kms_key_id = "alias/aws/secretsmanager"
}

resource "aws_secretsmanager_secret" "fail_aws_managed_alias_arn" {
  name       = "fail-aws-managed-alias-arn"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/aws/secretsmanager"
}

resource "aws_secretsmanager_secret" "fail_aws_managed_alias_data_source" {
  name       = "fail-aws-managed-alias-data-source"
  kms_key_id = data.aws_kms_alias.secretsmanager.target_key_arn
}

resource "aws_secretsmanager_secret" "unknown_literal_key_arn" {
  name       = "unknown-literal-key-arn"
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_secretsmanager_secret" "unknown_variable_without_default" {
  name       = "unknown-variable-without-default"
  kms_key_id = var.key_without_default
}
