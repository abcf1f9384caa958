variable "encrypted_without_default" {
  type = bool
}

variable "engine_mode_without_default" {
  type = string
}

resource "aws_rds_cluster" "pass_encrypted" {
  cluster_identifier = "pass-encrypted"
  engine             = "aurora-postgresql"
  storage_encrypted  = true
}

resource "aws_rds_cluster" "pass_serverless_v1_always_encrypted" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}

resource "aws_rds_cluster" "fail_attribute_absent" {
  cluster_identifier = "fail-attribute-absent"
  engine             = "aurora-mysql"
}

resource "aws_rds_cluster" "fail_multi_az_db_cluster_explicitly_false" {
  engine                    = "postgres"
  db_cluster_instance_class = "db.r6gd.large"
  storage_encrypted         = false
}

resource "aws_rds_cluster" "fail_serverless_v2_default" {
  engine      = "aurora-postgresql"
  engine_mode = "provisioned"
}

resource "aws_rds_cluster" "unknown_variable_without_default" {
  engine            = "aurora-postgresql"
  storage_encrypted = var.encrypted_without_default
}

resource "aws_rds_cluster" "unknown_engine_mode_from_variable" {
  engine      = "aurora-postgresql"
  engine_mode = var.engine_mode_without_default
}

resource "aws_rds_cluster" "pass_restored_with_a_key" {
  engine              = "aurora-postgresql"
  snapshot_identifier = "nightly"
  kms_key_id          = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_rds_cluster" "unknown_restored_from_snapshot" {
  engine              = "aurora-postgresql"
  snapshot_identifier = "nightly"
  storage_encrypted   = true
}
