resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

data "aws_kms_alias" "es" {
  name = "alias/aws/es"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-search"
}

variable "key_without_default" {
  type = string
}

variable "enabled_without_default" {
  type = bool
}

resource "aws_opensearch_domain" "fail_unencrypted_by_default" {
  domain_name    = "fail-unencrypted"
  engine_version = "OpenSearch_2.11"
}

resource "aws_opensearch_domain" "pass_key_resource" {
  domain_name    = "pass-key-resource"
  engine_version = "OpenSearch_2.11"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.app.arn
  }
}

resource "aws_opensearch_domain" "pass_hsm_key" {
  domain_name = "pass-hsm-key"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.hsm.key_id
  }
}

resource "aws_opensearch_domain" "pass_customer_key_data_source" {
  domain_name = "pass-customer-data-source"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = data.aws_kms_key.team.arn
  }
}

resource "aws_opensearch_domain" "fail_disabled_with_key" {
  domain_name = "fail-disabled-with-key"

  encrypt_at_rest {
    enabled    = false
    kms_key_id = aws_kms_key.app.arn
  }
}

resource "aws_opensearch_domain" "fail_aws_managed_default" {
  domain_name = "fail-aws-managed-default"

  encrypt_at_rest {
    enabled = true
  }
}

resource "aws_opensearch_domain" "fail_aws_managed_alias_data_source" {
  domain_name = "fail-aws-managed-data-source"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = data.aws_kms_alias.es.target_key_arn
  }
}

resource "aws_opensearch_domain" "unknown_literal_key_id" {
  domain_name = "unknown-literal-key-id"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

resource "aws_opensearch_domain" "unknown_key_from_variable" {
  domain_name = "unknown-key-from-variable"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = var.key_without_default
  }
}

resource "aws_opensearch_domain" "unknown_enabled_from_variable" {
  domain_name = "unknown-enabled-from-variable"

  encrypt_at_rest {
    enabled    = var.enabled_without_default
    kms_key_id = aws_kms_key.app.arn
  }
}

# The provider's older type for the same domains: one kind, the same block.
resource "aws_elasticsearch_domain" "pass_legacy_key_resource" {
  domain_name           = "pass-legacy-key-resource"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.app.arn
  }
}

resource "aws_elasticsearch_domain" "fail_legacy_unencrypted_by_default" {
  domain_name           = "fail-legacy-unencrypted"
  elasticsearch_version = "7.10"
}

resource "aws_elasticsearch_domain" "fail_legacy_aws_managed_default" {
  domain_name           = "fail-legacy-aws-managed"
  elasticsearch_version = "7.10"

  encrypt_at_rest {
    enabled = true
  }
}
