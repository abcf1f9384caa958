# A volume that names no key takes the EBS settings of its provider's region. Each region here manages them differently.

# eu-west-1 manages both: encryption by default on, and a customer-managed key as the default key.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_kms_key" "ebs_default" {
  description         = "default EBS key"
  enable_key_rotation = true
}

resource "aws_ebs_encryption_by_default" "ireland" {
  enabled = true
}

resource "aws_ebs_default_kms_key" "ireland" {
  key_arn = aws_kms_key.ebs_default.arn
}

# ap-northeast-1 turns encryption by default off and leaves the default key alone.
provider "aws" {
  alias  = "tokyo"
  region = "ap-northeast-1"
}

resource "aws_ebs_encryption_by_default" "tokyo" {
  provider = aws.tokyo
  enabled  = false
}

# us-east-2 turns encryption by default on (the argument's default) and names aws/ebs as the default key.
provider "aws" {
  alias  = "ohio"
  region = "us-east-2"
}

data "aws_kms_key" "ohio_aws_ebs" {
  provider = aws.ohio
  key_id   = "alias/aws/ebs"
}

resource "aws_ebs_encryption_by_default" "ohio" {
  provider = aws.ohio
}

resource "aws_ebs_default_kms_key" "ohio" {
  provider = aws.ohio
  key_arn  = data.aws_kms_key.ohio_aws_ebs.arn
}

# us-east-1 manages neither.
provider "aws" {
  alias  = "virginia"
  region = "us-east-1"
}

resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_alias" "app" {
  name          = "alias/volume-app"
  target_key_id = aws_kms_key.app.key_id
}

variable "key_arn_without_default" {
  type = string
}
