resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

variable "enabled_without_default" {
  type = bool
}

resource "aws_opensearch_domain" "fail_unencrypted_by_default" {
  domain_name    = "fail-unencrypted"
  engine_version = "OpenSearch_2.11"
}

resource "aws_opensearch_domain" "fail_disabled_with_key" {
  domain_name = "fail-disabled-with-key"

  encrypt_at_rest {
    enabled    = false
    kms_key_id = aws_kms_key.app.arn
  }
}

resource "aws_opensearch_domain" "pass_key_resource" {
  domain_name = "pass-key-resource"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.app.arn
  }
}

resource "aws_opensearch_domain" "pass_aws_managed_default" {
  domain_name = "pass-aws-managed-default"

  encrypt_at_rest {
    enabled = true
  }
}

resource "aws_opensearch_domain" "unknown_enabled_from_variable" {
  domain_name = "unknown-enabled-from-variable"

  encrypt_at_rest {
    enabled = var.enabled_without_default
  }
}

resource "aws_elasticsearch_domain" "pass_legacy_aws_managed_default" {
  domain_name = "pass-legacy-aws-managed"

  encrypt_at_rest {
    enabled = true
  }
}

resource "aws_elasticsearch_domain" "fail_legacy_unencrypted_by_default" {
  domain_name = "fail-legacy-unencrypted"
}
