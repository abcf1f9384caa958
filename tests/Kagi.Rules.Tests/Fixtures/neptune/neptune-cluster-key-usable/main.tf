resource "aws_kms_key" "enabled" {
  description = "enabled"
}

resource "aws_kms_key" "disabled" {
  description = "disabled"
  is_enabled  = false
}

variable "key_arn" {
  type = string
}

resource "aws_neptune_cluster" "pass_enabled_cmk" {
  cluster_identifier = "pass-enabled-cmk"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.enabled.arn
}

resource "aws_neptune_cluster" "pass_aws_managed_key" {
  storage_encrypted = true
}

resource "aws_neptune_cluster" "pass_aws_managed_alias" {
  storage_encrypted = true
  kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"
}

resource "aws_neptune_cluster" "fail_disabled_cmk" {
  cluster_identifier = "fail-disabled-cmk"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.disabled.arn
}

resource "aws_neptune_cluster" "unknown_key_only_kms_can_describe" {
  storage_encrypted = true
  kms_key_arn       = "arn:aws:kms:eu-west-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_neptune_cluster" "unknown_key_from_variable" {
  storage_encrypted = true
  kms_key_arn       = var.key_arn
}

# Unencrypted: no key to judge, so no finding (neptune-cluster-storage-encrypted reports it).
resource "aws_neptune_cluster" "none_unencrypted" {
  kms_key_arn = aws_kms_key.disabled.arn
}

# Restored from a snapshot: a key named on restore protects the cluster; without one, an unencrypted snapshot gives an
# unencrypted cluster, which has no key to judge.
resource "aws_neptune_cluster" "none_restore_source" {
  cluster_identifier = "none-restore-source"
}

resource "aws_neptune_cluster_snapshot" "of_unencrypted" {
  db_cluster_identifier          = aws_neptune_cluster.none_restore_source.id
  db_cluster_snapshot_identifier = "of-unencrypted"
}

resource "aws_neptune_cluster" "none_restored_from_unencrypted_snapshot" {
  snapshot_identifier = aws_neptune_cluster_snapshot.of_unencrypted.id
  storage_encrypted   = true
}

resource "aws_neptune_cluster" "fail_restored_with_disabled_key" {
  snapshot_identifier = aws_neptune_cluster_snapshot.of_unencrypted.id
  kms_key_arn         = aws_kms_key.disabled.arn
}
