resource "aws_ebs_volume" "pass_key_resource" {
  availability_zone = "eu-west-1a"
  size              = 8
  encrypted         = true
  kms_key_id        = aws_kms_key.app.arn
}

resource "aws_ebs_volume" "pass_key_through_alias_resource" {
  provider          = aws.virginia
  availability_zone = "us-east-1a"
  size              = 8
  encrypted         = true
  kms_key_id        = aws_kms_alias.app.arn
}

# Encrypted by default in eu-west-1, with the region's default key: a CMK.
resource "aws_ebs_volume" "pass_account_default_cmk" {
  availability_zone = "eu-west-1a"
  size              = 8
}

resource "aws_ebs_volume" "fail_aws_managed_alias" {
  availability_zone = "eu-west-1a"
  size              = 8
  encrypted         = true
  kms_key_id        = "alias/aws/ebs"
}

# Neither asked nor encrypted by default in ap-northeast-1.
resource "aws_ebs_volume" "fail_account_encryption_off" {
  provider          = aws.tokyo
  availability_zone = "ap-northeast-1a"
  size              = 8
}

# Encrypted by default in us-east-2, where the default key is aws/ebs.
resource "aws_ebs_volume" "fail_account_default_aws_managed" {
  provider          = aws.ohio
  availability_zone = "us-east-2a"
  size              = 8
}

# Encrypted, with ap-northeast-1's default key, which this configuration does not manage.
resource "aws_ebs_volume" "unknown_account_default_key_unmanaged" {
  provider          = aws.tokyo
  availability_zone = "ap-northeast-1a"
  size              = 8
  encrypted         = true
}

resource "aws_ebs_volume" "unknown_account_settings_unmanaged" {
  provider          = aws.virginia
  availability_zone = "us-east-1a"
  size              = 8
  encrypted         = true
}

# Encrypted as its snapshot is, with the snapshot's key.
resource "aws_ebs_volume" "unknown_from_snapshot" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}

resource "aws_ebs_volume" "unknown_literal_key_arn" {
  availability_zone = "eu-west-1a"
  size              = 8
  encrypted         = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_ebs_volume" "unknown_variable_without_default" {
  availability_zone = "eu-west-1a"
  size              = 8
  encrypted         = true
  kms_key_id        = var.key_arn_without_default
}

# Provider 6's per-resource region: under the us-east-1 provider, yet in eu-west-1, so eu-west-1's default CMK applies.
resource "aws_ebs_volume" "pass_region_argument_takes_its_regions_default_cmk" {
  provider          = aws.virginia
  region            = "eu-west-1"
  availability_zone = "eu-west-1a"
  size              = 8
}
