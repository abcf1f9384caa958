# Encryption from a separate configuration resource, joined by reference.
resource "aws_s3_bucket" "pass_configuration_with_cmk" {
  bucket = "pass-configuration-with-cmk"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "cmk" {
  bucket = aws_s3_bucket.pass_configuration_with_cmk.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.app.arn
    }
  }
}

# Joined by the bucket's literal name; DSSE-KMS counts as KMS.
resource "aws_s3_bucket" "pass_dsse_by_name" {
  bucket = "pass-dsse-by-name"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "dsse" {
  bucket = "pass-dsse-by-name"

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms:dsse"
      kms_master_key_id = aws_kms_key.app.arn
    }
  }
}

# The legacy inline block.
resource "aws_s3_bucket" "pass_inline_cmk" {
  bucket = "pass-inline-cmk"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = aws_kms_key.app.arn
      }
    }
  }
}

# The separate resource wins over the inline block.
resource "aws_s3_bucket" "pass_configuration_overrides_inline" {
  bucket = "pass-configuration-overrides-inline"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "overrides" {
  bucket = aws_s3_bucket.pass_configuration_overrides_inline.bucket

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.app.arn
    }
  }
}

# Nothing configured: SSE-S3, AWS-owned.
resource "aws_s3_bucket" "fail_nothing_configured" {
  bucket = "fail-nothing-configured"
}

resource "aws_s3_bucket" "fail_sse_s3" {
  bucket = "fail-sse-s3"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "sse_s3" {
  bucket = aws_s3_bucket.fail_sse_s3.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# aws:kms without a key: aws/s3.
resource "aws_s3_bucket" "fail_kms_without_key" {
  bucket = "fail-kms-without-key"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "kms_default" {
  bucket = aws_s3_bucket.fail_kms_without_key.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket" "fail_inline_aws_managed_alias" {
  bucket = "fail-inline-aws-managed-alias"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm     = "aws:kms"
        kms_master_key_id = data.aws_kms_alias.s3.target_key_arn
      }
    }
  }
}

resource "aws_s3_bucket" "unknown_key_from_variable" {
  bucket = "unknown-key-from-variable"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "variable_key" {
  bucket = aws_s3_bucket.unknown_key_from_variable.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = var.key_arn_without_default
    }
  }
}

resource "aws_s3_bucket" "unknown_algorithm_from_variable" {
  bucket = "unknown-algorithm-from-variable"

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = var.algorithm_without_default
      }
    }
  }
}
