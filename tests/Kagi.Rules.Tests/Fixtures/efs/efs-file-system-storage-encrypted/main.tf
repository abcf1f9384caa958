variable "encrypted_without_default" {
  type = bool
}

resource "aws_efs_file_system" "pass_encrypted" {
  creation_token = "pass-encrypted"
  encrypted      = true
}

resource "aws_efs_file_system" "pass_encrypted_with_a_key" {
  encrypted  = true
  kms_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# The provider sends no value and the API's default is unencrypted, although the console's is encrypted.
resource "aws_efs_file_system" "fail_attribute_absent" {
  creation_token = "fail-attribute-absent"
}

resource "aws_efs_file_system" "fail_explicitly_false" {
  encrypted = false
}

resource "aws_efs_file_system" "unknown_variable_without_default" {
  encrypted = var.encrypted_without_default
}
