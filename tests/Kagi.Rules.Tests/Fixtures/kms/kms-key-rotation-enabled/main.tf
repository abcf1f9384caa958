variable "rotate" {
  type = bool
}

resource "aws_kms_key" "pass_rotated" {
  description         = "pass"
  enable_key_rotation = true
}

resource "aws_kms_key" "fail_attribute_absent" {
  description = "fail"
}

resource "aws_kms_key" "fail_explicitly_false" {
  enable_key_rotation = false
}

resource "aws_kms_key" "unknown_variable_without_default" {
  enable_key_rotation = var.rotate
}

# KMS cannot rotate these automatically: no finding at all.
resource "aws_kms_key" "none_in_cloudhsm_key_store" {
  custom_key_store_id = "cks-1234567890abcdef0"
}

resource "aws_kms_key" "none_asymmetric" {
  customer_master_key_spec = "RSA_2048"
  key_usage                = "SIGN_VERIFY"
}
