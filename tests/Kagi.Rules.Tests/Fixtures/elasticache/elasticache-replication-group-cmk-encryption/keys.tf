resource "aws_kms_key" "app" {
  description         = "customer-managed key"
  enable_key_rotation = true
}

resource "aws_kms_key" "hsm" {
  description         = "key in a CloudHSM key store"
  custom_key_store_id = "cks-0123456789abcdef0"
}

data "aws_kms_key" "team" {
  key_id = "alias/team-cache"
}

variable "key_without_default" {
  type = string
}

variable "engine_without_default" {
  type = string
}
