resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

data "aws_kms_alias" "ecr" {
  name = "alias/aws/ecr"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-images"
}

variable "key_without_default" {
  type = string
}

variable "encryption_type_without_default" {
  type = string
}

resource "aws_ecr_repository" "pass_key_resource" {
  name = "pass-key-resource"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.app.arn
  }
}

resource "aws_ecr_repository" "pass_hsm_key" {
  name = "pass-hsm-key"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = aws_kms_key.hsm.arn
  }
}

resource "aws_ecr_repository" "pass_customer_key_data_source" {
  name = "pass-customer-key-data-source"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = data.aws_kms_key.team.arn
  }
}

resource "aws_ecr_repository" "fail_no_encryption_block" {
  name = "fail-no-encryption-block"
}

resource "aws_ecr_repository" "fail_aes256" {
  name = "fail-aes256"
  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_repository" "fail_kms_without_key" {
  name = "fail-kms-without-key"
  encryption_configuration {
    encryption_type = "KMS"
  }
}

resource "aws_ecr_repository" "fail_aws_managed_alias_data_source" {
  name = "fail-aws-managed-alias-data-source"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = data.aws_kms_alias.ecr.target_key_arn
  }
}

resource "aws_ecr_repository" "unknown_literal_key_arn" {
  name = "unknown-literal-key-arn"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }
}

resource "aws_ecr_repository" "unknown_variable_without_default" {
  name = "unknown-variable-without-default"
  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = var.key_without_default
  }
}

resource "aws_ecr_repository" "unknown_encryption_type_from_variable" {
  name = "unknown-encryption-type-from-variable"
  encryption_configuration {
    encryption_type = var.encryption_type_without_default
    kms_key         = aws_kms_key.app.arn
  }
}
