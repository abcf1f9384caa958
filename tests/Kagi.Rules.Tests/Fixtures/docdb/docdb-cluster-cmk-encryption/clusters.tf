resource "aws_docdb_cluster" "pass_key_resource" {
  cluster_identifier = "pass-key-resource"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.app.arn
}

resource "aws_docdb_cluster" "pass_key_through_alias_resource" {
  storage_encrypted = true
  kms_key_id        = aws_kms_alias.app.arn
}

resource "aws_docdb_cluster" "fail_no_key" {
  cluster_identifier = "fail-no-key"
  storage_encrypted  = true
}

# The provider's default is unencrypted.
resource "aws_docdb_cluster" "fail_not_encrypted" {
  cluster_identifier = "fail-not-encrypted"
}

resource "aws_docdb_cluster" "fail_aws_managed_alias_arn" {
  storage_encrypted = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"
}

resource "aws_docdb_cluster" "fail_aws_managed_alias_data_source" {
  storage_encrypted = true
  kms_key_id        = data.aws_kms_alias.rds.target_key_arn
}

resource "aws_docdb_cluster" "fail_aws_managed_key_data_source" {
  storage_encrypted = true
  kms_key_id        = data.aws_kms_key.rds.arn
}

resource "aws_docdb_cluster" "unknown_literal_key_arn" {
  storage_encrypted = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_docdb_cluster" "unknown_variable_without_default" {
  storage_encrypted = true
  kms_key_id        = var.key_arn_without_default
}

# Restored from a snapshot, a cluster is encrypted with the key named on restore, and otherwise as the snapshot is.
resource "aws_docdb_cluster" "pass_restored_with_a_cmk" {
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:nightly"
  kms_key_id          = aws_kms_key.app.arn
}

resource "aws_docdb_cluster" "unknown_restored_without_a_key" {
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:nightly"
  storage_encrypted   = true
}
