# S3 buckets: one on S3's default (SSE-S3, an AWS-owned key), one on a customer-managed key.
resource "aws_kms_key" "s3" {
  description         = "estate: S3 buckets"
  enable_key_rotation = true
}

resource "aws_s3_bucket" "reports_default" {
  bucket = "estate-reports-default"
}

resource "aws_s3_bucket" "reports_cmk" {
  bucket = "estate-reports-cmk"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "reports_cmk" {
  bucket = aws_s3_bucket.reports_cmk.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.s3.arn
    }
    bucket_key_enabled = true
  }
}
