resource "aws_efs_file_system" "pass_key_resource" {
  creation_token = "pass-key-resource"
  encrypted      = true
  kms_key_id     = aws_kms_key.app.arn
}

resource "aws_efs_file_system" "pass_key_through_alias_resource" {
  encrypted  = true
  kms_key_id = aws_kms_alias.app.arn
}

# Encrypted without a key named: aws/elasticfilesystem.
resource "aws_efs_file_system" "fail_no_key" {
  encrypted = true
}

# The provider's default is unencrypted (the console's is encrypted).
resource "aws_efs_file_system" "fail_not_encrypted" {
  creation_token = "fail-not-encrypted"
}

resource "aws_efs_file_system" "fail_aws_managed_alias" {
  encrypted  = true
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:alias/aws/elasticfilesystem"
}

resource "aws_efs_file_system" "fail_aws_managed_key_data_source" {
  encrypted  = true
  kms_key_id = data.aws_kms_key.efs.arn
}

resource "aws_efs_file_system" "unknown_literal_key_arn" {
  encrypted  = true
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_efs_file_system" "unknown_variable_without_default" {
  encrypted  = true
  kms_key_id = var.key_arn_without_default
}
