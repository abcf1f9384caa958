resource "aws_dynamodb_table" "pass_key_resource" {
  name     = "pass-key-resource"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_key.app.arn
  }
}

resource "aws_dynamodb_table" "pass_key_through_alias_resource" {
  name     = "pass-key-through-alias-resource"
  hash_key = "id"

  server_side_encryption {
    enabled     = true
    kms_key_arn = aws_kms_alias.app.arn
  }
}

resource "aws_dynamodb_table" "pass_customer_key_data_source" {
  name     = "pass-customer-key-data-source"
  hash_key = "id"

  server_side_encryption {
    enabled     = true
    kms_key_arn = data.aws_kms_key.team.arn
  }
}

resource "aws_dynamodb_table" "pass_customer_alias_arn" {
  name     = "pass-customer-alias-arn"
  hash_key = "id"

  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:alias/table-app"
  }
}

# No block: DynamoDB's own AWS-owned key.
resource "aws_dynamodb_table" "fail_no_encryption_block" {
  name     = "fail-no-encryption-block"
  hash_key = "id"

  attribute {
    name = "id"
    type = "S"
  }
}

# Disabled: the AWS-owned key, whatever key is named.
resource "aws_dynamodb_table" "fail_disabled_with_key" {
  name     = "fail-disabled-with-key"
  hash_key = "id"

  server_side_encryption {
    enabled     = false
    kms_key_arn = aws_kms_key.app.arn
  }
}

# Enabled without a key: the AWS-managed aws/dynamodb key.
resource "aws_dynamodb_table" "fail_enabled_without_key" {
  name     = "fail-enabled-without-key"
  hash_key = "id"

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "fail_aws_managed_alias_name" {
  name     = "fail-aws-managed-alias-name"
  hash_key = "id"

  server_side_encryption {
    enabled     = true
    kms_key_arn = "alias/aws/dynamodb"
  }
}

resource "aws_dynamodb_table" "fail_aws_managed_alias_data_source" {
  name     = "fail-aws-managed-alias-data-source"
  hash_key = "id"

  server_side_encryption {
    enabled     = true
    kms_key_arn = data.aws_kms_alias.dynamodb.target_key_arn
  }
}

resource "aws_dynamodb_table" "unknown_literal_key_arn" {
  name     = "unknown-literal-key-arn"
  hash_key = "id"

  server_side_encryption {
    enabled     = true
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

resource "aws_dynamodb_table" "unknown_variable_without_default" {
  name     = "unknown-variable-without-default"
  hash_key = "id"

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.key_arn_without_default
  }
}

resource "aws_dynamodb_table" "unknown_enabled_from_variable" {
  name     = "unknown-enabled-from-variable"
  hash_key = "id"

  server_side_encryption {
    enabled     = var.sse_without_default
    kms_key_arn = aws_kms_key.app.arn
  }
}
