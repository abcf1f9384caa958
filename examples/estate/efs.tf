# EFS file systems: one encrypted on EFS's default (aws/elasticfilesystem, an AWS-managed key), one on a customer-managed key.
resource "aws_kms_key" "efs" {
  description         = "estate: EFS file systems"
  enable_key_rotation = true
}

resource "aws_efs_file_system" "shared_default" {
  creation_token = "shared-default"
  encrypted      = true
}

resource "aws_efs_file_system" "shared_cmk" {
  creation_token = "shared-cmk"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}
