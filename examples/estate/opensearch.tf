# OpenSearch domains: one on the provider default (unencrypted), one encrypted on the AWS-managed aws/es (no key named),
# one on a customer-managed key, and a legacy aws_elasticsearch_domain on a customer-managed key (the same kind).
resource "aws_kms_key" "opensearch" {
  description         = "customer-managed key for OpenSearch"
  enable_key_rotation = true
}

resource "aws_opensearch_domain" "unencrypted_default" {
  domain_name    = "estate-unencrypted"
  engine_version = "OpenSearch_2.11"
}

resource "aws_opensearch_domain" "on_aws_managed" {
  domain_name    = "estate-on-aws-managed"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled = true
  }
}

resource "aws_opensearch_domain" "on_cmk" {
  domain_name    = "estate-on-cmk"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.opensearch.arn
  }
}

resource "aws_elasticsearch_domain" "legacy_on_cmk" {
  domain_name           = "estate-legacy-on-cmk"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.opensearch.arn
  }
}
