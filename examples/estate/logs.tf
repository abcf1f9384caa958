# CloudWatch Logs log groups: one on the service-owned default key, one on a customer-managed key.
resource "aws_kms_key" "logs" {
  description         = "customer-managed key for CloudWatch Logs"
  enable_key_rotation = true
}

resource "aws_cloudwatch_log_group" "on_service_owned_default" {
  name = "/estate/on-service-owned-default"
}

resource "aws_cloudwatch_log_group" "on_cmk" {
  name       = "/estate/on-cmk"
  kms_key_id = aws_kms_key.logs.arn
}
