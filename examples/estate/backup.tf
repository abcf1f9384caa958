# Backup vaults: one on the service default (aws/backup), one on a customer-managed key.
resource "aws_kms_key" "backup" {
  description         = "customer-managed key for AWS Backup"
  enable_key_rotation = true
}

resource "aws_backup_vault" "on_aws_managed_default" {
  name = "estate-on-aws-managed-default"
}

resource "aws_backup_vault" "on_cmk" {
  name        = "estate-on-cmk"
  kms_key_arn = aws_kms_key.backup.arn
}
