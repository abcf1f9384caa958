# Encrypted, but with no kms_key_arn: Neptune uses the AWS-managed aws/rds key.
# Expected: storage-encrypted PASS, cmk-encryption FAIL (aws-managed).

provider "aws" {
  region = "ap-northeast-1"
}

variable "environment" {
  type    = string
  default = "staging"
}

locals {
  name = "graph-${var.environment}"
}

resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = local.name
  engine                              = "neptune"
  backup_retention_period             = 7
  preferred_backup_window             = "07:00-09:00"
  skip_final_snapshot                 = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = true

  tags = {
    Environment = var.environment
  }
}
