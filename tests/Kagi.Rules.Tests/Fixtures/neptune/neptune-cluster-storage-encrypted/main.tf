variable "encrypted_default_true" {
  type    = bool
  default = true
}

variable "encrypted_without_default" {
  type = bool
}

locals {
  production = true
}

resource "aws_neptune_cluster" "pass_encrypted" {
  cluster_identifier = "pass-encrypted"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "pass_encrypted_by_variable_default" {
  storage_encrypted = var.encrypted_default_true
}

resource "aws_neptune_cluster" "pass_encrypted_by_conditional" {
  storage_encrypted = local.production ? true : false
}

resource "aws_neptune_cluster" "pass_encrypted_string_true" {
  storage_encrypted = "true"
}

resource "aws_neptune_cluster" "fail_attribute_absent" {
  cluster_identifier = "fail-attribute-absent"
}

resource "aws_neptune_cluster" "fail_explicitly_false" {
  storage_encrypted = false
}

resource "aws_neptune_cluster" "fail_null" {
  storage_encrypted = null
}

resource "aws_neptune_cluster" "unknown_variable_without_default" {
  storage_encrypted = var.encrypted_without_default
}

# Restored from a snapshot, a cluster is encrypted as the snapshot is, unless a key is named: the provider does not send
# storage_encrypted on restore.
resource "aws_neptune_cluster" "fail_restore_source" {
  cluster_identifier = "fail-restore-source"
}

resource "aws_neptune_cluster_snapshot" "of_unencrypted" {
  db_cluster_identifier          = aws_neptune_cluster.fail_restore_source.id
  db_cluster_snapshot_identifier = "of-unencrypted"
}

resource "aws_neptune_cluster" "fail_restored_from_unencrypted_snapshot" {
  snapshot_identifier = aws_neptune_cluster_snapshot.of_unencrypted.id
  storage_encrypted   = true
}

resource "aws_neptune_cluster" "pass_restored_with_a_key" {
  snapshot_identifier = aws_neptune_cluster_snapshot.of_unencrypted.id
  kms_key_arn         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_neptune_cluster_snapshot" "of_encrypted" {
  db_cluster_identifier          = aws_neptune_cluster.pass_encrypted.id
  db_cluster_snapshot_identifier = "of-encrypted"
}

resource "aws_neptune_cluster" "pass_restored_from_encrypted_snapshot_by_identifier" {
  snapshot_identifier = "of-encrypted"
}

resource "aws_neptune_cluster" "unknown_restored_from_snapshot_outside_the_configuration" {
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:elsewhere"
  storage_encrypted   = true
}
