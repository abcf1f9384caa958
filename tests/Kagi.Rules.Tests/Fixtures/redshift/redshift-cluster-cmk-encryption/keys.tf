resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

resource "aws_kms_alias" "app" {
  name          = "alias/warehouse-app"
  target_key_id = aws_kms_key.app.key_id
}

data "aws_kms_alias" "redshift" {
  name = "alias/aws/redshift"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-warehouse"
}

variable "key_without_default" {
  type = string
}

variable "encrypted_without_default" {
  type = bool
}
