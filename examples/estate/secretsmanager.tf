# Secrets Manager secrets: one on the service default (aws/secretsmanager), one on a customer-managed key.
resource "aws_kms_key" "secrets" {
  description         = "customer-managed key for Secrets Manager"
  enable_key_rotation = true
}

resource "aws_secretsmanager_secret" "on_aws_managed_default" {
  name = "estate-on-aws-managed-default"
}

resource "aws_secretsmanager_secret" "on_cmk" {
  name       = "estate-on-cmk"
  kms_key_id = aws_kms_key.secrets.arn
}
