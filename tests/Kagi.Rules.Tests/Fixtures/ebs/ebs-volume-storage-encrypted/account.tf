# A volume that does not ask for encryption is encrypted exactly when its region's encryption by default is on.

# eu-west-1 does not manage it.
provider "aws" {
  region = "eu-west-1"
}

# ap-northeast-1 turns it off.
provider "aws" {
  alias  = "tokyo"
  region = "ap-northeast-1"
}

resource "aws_ebs_encryption_by_default" "tokyo" {
  provider = aws.tokyo
  enabled  = false
}

# us-east-2 turns it on.
provider "aws" {
  alias  = "ohio"
  region = "us-east-2"
}

resource "aws_ebs_encryption_by_default" "ohio" {
  provider = aws.ohio
  enabled  = true
}

variable "encrypted_without_default" {
  type = bool
}
