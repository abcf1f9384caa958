resource "aws_rds_cluster" "pass_key_resource" {
  cluster_identifier = "pass-key-resource"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.app.arn
}

resource "aws_rds_cluster" "pass_multi_az_db_cluster_key_through_alias" {
  engine                    = "mysql"
  db_cluster_instance_class = "db.r6gd.large"
  storage_encrypted         = true
  kms_key_id                = aws_kms_alias.app.arn
}

resource "aws_rds_cluster" "fail_no_key" {
  cluster_identifier = "fail-no-key"
  engine             = "aurora-mysql"
  storage_encrypted  = true
}

# The provider's default is unencrypted.
resource "aws_rds_cluster" "fail_not_encrypted" {
  cluster_identifier = "fail-not-encrypted"
  engine             = "aurora-postgresql"
}

resource "aws_rds_cluster" "fail_aws_managed_alias_data_source" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
  kms_key_id        = data.aws_kms_alias.rds.target_key_arn
}

resource "aws_rds_cluster" "fail_aws_managed_key_data_source" {
  engine            = "postgres"
  storage_encrypted = true
  kms_key_id        = data.aws_kms_key.rds.arn
}

# Aurora Serverless v1 is always encrypted: without a key, with aws/rds.
resource "aws_rds_cluster" "fail_serverless_v1_on_the_default_key" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}

resource "aws_rds_cluster" "pass_serverless_v1_with_a_cmk" {
  engine      = "aurora-postgresql"
  engine_mode = "serverless"
  kms_key_id  = aws_kms_key.app.arn
}

resource "aws_rds_cluster" "unknown_literal_key_arn" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_rds_cluster" "unknown_variable_without_default" {
  engine            = "aurora-postgresql"
  storage_encrypted = true
  kms_key_id        = var.key_arn_without_default
}

# Restored, a cluster is encrypted with the key named on restore, and otherwise as its source is.
resource "aws_rds_cluster" "pass_restored_from_snapshot_with_a_cmk" {
  engine              = "aurora-postgresql"
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:nightly"
  kms_key_id          = aws_kms_key.app.arn
}

resource "aws_rds_cluster" "unknown_restored_from_snapshot_without_a_key" {
  engine              = "aurora-postgresql"
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:cluster-snapshot:nightly"
  storage_encrypted   = true
}

resource "aws_rds_cluster" "pass_restored_to_point_in_time_with_a_cmk" {
  engine     = "aurora-mysql"
  kms_key_id = aws_kms_key.app.arn
  restore_to_point_in_time {
    source_cluster_identifier  = "orders"
    use_latest_restorable_time = true
  }
}

resource "aws_rds_cluster" "unknown_restored_to_point_in_time_without_a_key" {
  engine = "aurora-mysql"
  restore_to_point_in_time {
    source_cluster_identifier  = "orders"
    use_latest_restorable_time = true
  }
}
