# Two clusters that name the AWS-managed key explicitly: by alias ARN, and through a data source.
# Expected: cmk-encryption FAIL (aws-managed) for both.

provider "aws" {
  region = "eu-west-1"
}

data "aws_kms_alias" "rds" {
  name = "alias/aws/rds"
}

resource "aws_neptune_cluster" "orders" {
  cluster_identifier  = "orders-graph"
  engine              = "neptune"
  skip_final_snapshot = true
  storage_encrypted   = true
  kms_key_arn         = "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"
}

resource "aws_neptune_cluster" "fraud" {
  cluster_identifier  = "fraud-detection"
  engine              = "neptune"
  skip_final_snapshot = true
  storage_encrypted   = true
  kms_key_arn         = data.aws_kms_alias.rds.target_key_arn
}
