# ECR repositories: one on the default AES256 encryption (an AWS-owned key), one on a customer-managed key.
resource "aws_kms_key" "ecr" {
  description         = "customer-managed key for ECR"
  enable_key_rotation = true
}

resource "aws_ecr_repository" "on_aws_owned_default" {
  name = "estate-on-aws-owned-default"
}

resource "aws_ecr_repository" "on_cmk" {
  name = "estate-on-cmk"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.ecr.arn
  }
}
