# SQS queues: one on SQS's default (SSE-SQS, an AWS-owned key), one on a customer-managed key.
resource "aws_kms_key" "sqs" {
  description         = "estate: SQS queues"
  enable_key_rotation = true
}

resource "aws_sqs_queue" "events_default" {
  name = "events-default"
}

resource "aws_sqs_queue" "events_cmk" {
  name              = "events-cmk"
  kms_master_key_id = aws_kms_key.sqs.arn
}
