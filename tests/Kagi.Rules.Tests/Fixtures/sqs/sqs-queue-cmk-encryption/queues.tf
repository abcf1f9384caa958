resource "aws_sqs_queue" "pass_key_resource" {
  name              = "pass-key-resource"
  kms_master_key_id = aws_kms_key.app.arn
}

resource "aws_sqs_queue" "pass_key_id_reference" {
  name              = "pass-key-id-reference"
  kms_master_key_id = aws_kms_key.app.key_id
}

resource "aws_sqs_queue" "pass_customer_alias_name" {
  name              = "pass-customer-alias-name"
  kms_master_key_id = "alias/queue-app"
}

resource "aws_sqs_queue" "pass_key_through_alias_resource" {
  name              = "pass-key-through-alias-resource"
  kms_master_key_id = aws_kms_alias.app.name
}

# No encryption argument at all: SQS's own key (SSE-SQS), AWS-owned.
resource "aws_sqs_queue" "fail_provider_default" {
  name = "fail-provider-default"
}

resource "aws_sqs_queue" "fail_sqs_managed_sse" {
  name                    = "fail-sqs-managed-sse"
  sqs_managed_sse_enabled = true
}

resource "aws_sqs_queue" "fail_aws_managed_alias_name" {
  name              = "fail-aws-managed-alias-name"
  kms_master_key_id = "alias/aws/sqs"
}

resource "aws_sqs_queue" "fail_aws_managed_alias_data_source" {
  name              = "fail-aws-managed-alias-data-source"
  kms_master_key_id = data.aws_kms_alias.sqs.target_key_arn
}

resource "aws_sqs_queue" "fail_unencrypted" {
  name                    = "fail-unencrypted"
  sqs_managed_sse_enabled = false
}

resource "aws_sqs_queue" "unknown_literal_key_id" {
  name              = "unknown-literal-key-id"
  kms_master_key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_sqs_queue" "unknown_variable_without_default" {
  name              = "unknown-variable-without-default"
  kms_master_key_id = var.key_id_without_default
}

resource "aws_sqs_queue" "unknown_sse_from_variable" {
  name                    = "unknown-sse-from-variable"
  sqs_managed_sse_enabled = var.sse_without_default
}
