resource "aws_ebs_volume" "pass_encrypted" {
  availability_zone = "eu-west-1a"
  size              = 8
  encrypted         = true
}

# AWS takes a key only for an encrypted volume.
resource "aws_ebs_volume" "pass_key_named" {
  availability_zone = "eu-west-1a"
  size              = 8
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_ebs_volume" "pass_account_encryption_by_default" {
  provider          = aws.ohio
  availability_zone = "us-east-2a"
  size              = 8
}

# With encryption by default on, AWS encrypts every new volume, whatever it asks.
resource "aws_ebs_volume" "pass_asked_unencrypted_under_encryption_by_default" {
  provider          = aws.ohio
  availability_zone = "us-east-2a"
  size              = 8
  encrypted         = false
}

resource "aws_ebs_volume" "fail_account_encryption_off" {
  provider          = aws.tokyo
  availability_zone = "ap-northeast-1a"
  size              = 8
}

resource "aws_ebs_volume" "fail_explicitly_false" {
  provider          = aws.tokyo
  availability_zone = "ap-northeast-1a"
  size              = 8
  encrypted         = false
}

resource "aws_ebs_volume" "unknown_account_settings_unmanaged" {
  availability_zone = "eu-west-1a"
  size              = 8
}

resource "aws_ebs_volume" "unknown_variable_without_default" {
  provider          = aws.tokyo
  availability_zone = "ap-northeast-1a"
  size              = 8
  encrypted         = var.encrypted_without_default
}

# A volume from a snapshot is encrypted when the snapshot is, whatever encryption by default says.
resource "aws_ebs_volume" "unknown_from_snapshot" {
  provider          = aws.tokyo
  availability_zone = "ap-northeast-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}
