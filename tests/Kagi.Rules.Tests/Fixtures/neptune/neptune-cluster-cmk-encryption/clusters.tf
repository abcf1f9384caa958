resource "aws_neptune_cluster" "pass_key_resource" {
  cluster_identifier = "pass-key-resource"
  storage_encrypted  = true
  kms_key_arn        = aws_kms_key.app.arn
}

resource "aws_neptune_cluster" "pass_key_through_local" {
  cluster_identifier = "pass-key-through-local"
  storage_encrypted  = true
  kms_key_arn        = local.cluster_key
}

resource "aws_neptune_cluster" "pass_key_through_alias_resource" {
  storage_encrypted = true
  kms_key_arn       = aws_kms_alias.app.arn
}

resource "aws_neptune_cluster" "pass_hsm_key" {
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.hsm.arn
}

resource "aws_neptune_cluster" "pass_conditional_between_cmks" {
  storage_encrypted = true
  kms_key_arn       = local.use_hsm ? aws_kms_key.hsm.arn : aws_kms_key.app.arn
}

resource "aws_neptune_cluster" "pass_customer_alias_name" {
  storage_encrypted = true
  kms_key_arn       = "alias/graph-app"
}

resource "aws_neptune_cluster" "pass_customer_alias_arn" {
  storage_encrypted = true
  kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:alias/graph-app"
}

resource "aws_neptune_cluster" "pass_customer_alias_data_source" {
  storage_encrypted = true
  kms_key_arn       = data.aws_kms_alias.team.target_key_arn
}

resource "aws_neptune_cluster" "pass_variable_default_alias" {
  storage_encrypted = true
  kms_key_arn       = var.key_arn_with_default
}

resource "aws_neptune_cluster" "fail_no_key" {
  cluster_identifier = "fail-no-key"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "fail_null_key" {
  storage_encrypted = true
  kms_key_arn       = null
}

resource "aws_neptune_cluster" "fail_not_encrypted" {
  cluster_identifier = "fail-not-encrypted"
}

resource "aws_neptune_cluster" "fail_encryption_off_with_key" {
  storage_encrypted = false
  kms_key_arn       = aws_kms_key.app.arn
}

resource "aws_neptune_cluster" "fail_aws_managed_alias_name" {
  storage_encrypted = true
  kms_key_arn       = "alias/aws/rds"
}

resource "aws_neptune_cluster" "fail_aws_managed_alias_arn" {
  storage_encrypted = true
  kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"
}

resource "aws_neptune_cluster" "fail_aws_managed_alias_data_source" {
  storage_encrypted = true
  kms_key_arn       = data.aws_kms_alias.rds.target_key_arn
}

resource "aws_neptune_cluster" "fail_aws_managed_key_data_source" {
  storage_encrypted = true
  kms_key_arn       = data.aws_kms_key.rds.arn
}

resource "aws_neptune_cluster" "unknown_literal_key_arn" {
  storage_encrypted = true
  kms_key_arn       = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_neptune_cluster" "unknown_variable_without_default" {
  storage_encrypted = true
  kms_key_arn       = var.key_arn_without_default
}

resource "aws_neptune_cluster" "unknown_encryption_from_variable" {
  storage_encrypted = var.encrypt_without_default
  kms_key_arn       = aws_kms_key.app.arn
}

# Restored from a snapshot: the key named on restore protects the cluster; without one, the snapshot's.
resource "aws_neptune_cluster_snapshot" "of_key_resource" {
  db_cluster_identifier          = aws_neptune_cluster.pass_key_resource.id
  db_cluster_snapshot_identifier = "of-key-resource"
}

resource "aws_neptune_cluster" "pass_restored_from_snapshot_of_cmk_cluster" {
  snapshot_identifier = aws_neptune_cluster_snapshot.of_key_resource.db_cluster_snapshot_arn
}

resource "aws_neptune_cluster_snapshot" "of_unencrypted" {
  db_cluster_identifier          = aws_neptune_cluster.fail_not_encrypted.id
  db_cluster_snapshot_identifier = "of-unencrypted"
}

resource "aws_neptune_cluster" "pass_restored_with_a_cmk" {
  snapshot_identifier = aws_neptune_cluster_snapshot.of_unencrypted.id
  kms_key_arn         = aws_kms_key.app.arn
}

resource "aws_neptune_cluster" "fail_restored_from_unencrypted_snapshot" {
  snapshot_identifier = aws_neptune_cluster_snapshot.of_unencrypted.id
  storage_encrypted   = true
}

resource "aws_neptune_cluster" "unknown_restored_from_snapshot_outside_the_configuration" {
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:elsewhere"
  storage_encrypted   = true
}
