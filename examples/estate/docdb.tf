# DocumentDB: one cluster on the AWS default and one on a customer-managed key.
# Expected: docdb-cluster-storage-encrypted PASS for both; docdb-cluster-cmk-encryption FAIL (aws-managed) for
# sessions_default, PASS (customer) for sessions_cmk.

resource "aws_kms_key" "docdb_data" {
  description         = "customer-managed key for the DocumentDB example"
  enable_key_rotation = true
}

resource "aws_docdb_cluster" "sessions_default" {
  cluster_identifier          = "sessions-default"
  master_username             = "sessions"
  manage_master_user_password = true
  storage_encrypted           = true # no kms_key_id: aws/rds
  skip_final_snapshot         = true
}

resource "aws_docdb_cluster" "sessions_cmk" {
  cluster_identifier          = "sessions-cmk"
  master_username             = "sessions"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.docdb_data.arn
  skip_final_snapshot         = true
}
