# DynamoDB tables: one on DynamoDB's default (an AWS-owned key), one on a customer-managed key.
resource "aws_kms_key" "dynamodb" {
  description         = "estate: DynamoDB tables"
  enable_key_rotation = true
}

resource "aws_dynamodb_table" "orders_default" {
  name         = "orders-default"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_dynamodb_table" "orders_cmk" {
  name         = "orders-cmk"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.dynamodb.arn
  }
}
