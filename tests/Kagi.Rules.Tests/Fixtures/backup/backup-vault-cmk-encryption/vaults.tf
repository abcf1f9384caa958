resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

data "aws_kms_alias" "backup" {
  name = "alias/aws/backup"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-backups"
}

variable "key_without_default" {
  type = string
}

resource "aws_backup_vault" "pass_key_resource" {
  name        = "pass-key-resource"
  kms_key_arn = aws_kms_key.app.arn
}

resource "aws_backup_vault" "pass_hsm_key" {
  name        = "pass-hsm-key"
  kms_key_arn = aws_kms_key.hsm.arn
}

resource "aws_backup_vault" "pass_customer_key_data_source" {
  name        = "pass-customer-key-data-source"
  kms_key_arn = data.aws_kms_key.team.arn
}

resource "aws_backup_vault" "fail_no_key" {
  name = "fail-no-key"
}

resource "aws_backup_vault" "fail_aws_managed_alias_data_source" {
  name        = "fail-aws-managed-alias-data-source"
  kms_key_arn = data.aws_kms_alias.backup.target_key_arn
}

resource "aws_backup_vault" "fail_aws_managed_alias_arn" {
  name        = "fail-aws-managed-alias-arn"
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:alias/aws/backup"
}

resource "aws_backup_vault" "unknown_literal_key_arn" {
  name        = "unknown-literal-key-arn"
  kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_backup_vault" "unknown_variable_without_default" {
  name        = "unknown-variable-without-default"
  kms_key_arn = var.key_without_default
}
