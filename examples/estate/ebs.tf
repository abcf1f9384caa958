# EBS volumes: one that names no key, and so takes the account's EBS settings of its region (managed here: encryption
# by default on, the default key left at AWS's aws/ebs), one on a customer-managed key.
resource "aws_kms_key" "ebs" {
  description         = "estate: EBS volumes"
  enable_key_rotation = true
}

resource "aws_ebs_encryption_by_default" "estate" {
  enabled = true
}

data "aws_kms_key" "aws_ebs" {
  key_id = "alias/aws/ebs"
}

resource "aws_ebs_default_kms_key" "estate" {
  key_arn = data.aws_kms_key.aws_ebs.arn
}

resource "aws_ebs_volume" "data_default" {
  availability_zone = "eu-west-1a"
  size              = 20
}

resource "aws_ebs_volume" "data_cmk" {
  availability_zone = "eu-west-1a"
  size              = 20
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}
