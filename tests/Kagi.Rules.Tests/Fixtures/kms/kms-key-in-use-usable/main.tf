variable "enabled" {
  type = bool
}

resource "aws_kms_key" "pass_enabled_protecting_a_cluster" {
  description = "enabled"
}

resource "aws_kms_key" "fail_disabled_protecting_a_cluster" {
  description = "disabled"
  is_enabled  = false
}

resource "aws_kms_key" "unknown_state_from_a_variable" {
  description = "enabled only when the variable says so"
  is_enabled  = var.enabled
}

# Protects nothing: kms-key-unused's subject, not this rule's.
resource "aws_kms_key" "none_disabled_protecting_nothing" {
  description = "disabled, unused"
  is_enabled  = false
}

# Named only by an unencrypted cluster, whose data the key does not protect.
resource "aws_kms_key" "none_disabled_named_by_an_unencrypted_cluster" {
  description = "disabled, named but not used"
  is_enabled  = false
}

resource "aws_neptune_cluster" "enabled" {
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.pass_enabled_protecting_a_cluster.arn
}

resource "aws_neptune_cluster" "disabled" {
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.fail_disabled_protecting_a_cluster.arn
}

resource "aws_neptune_cluster" "variable" {
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.unknown_state_from_a_variable.arn
}

resource "aws_neptune_cluster" "unencrypted" {
  kms_key_arn = aws_kms_key.none_disabled_named_by_an_unencrypted_cluster.arn
}
