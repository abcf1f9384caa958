# RDS: a standalone DB instance and an Aurora cluster, each once on the AWS default and once on a customer-managed key.
# Expected: rds-*-storage-encrypted PASS for all four; rds-*-cmk-encryption FAIL (aws-managed) for the *_default ones,
# PASS (customer) for the *_cmk ones.

resource "aws_kms_key" "rds_data" {
  description         = "customer-managed key for the RDS examples"
  enable_key_rotation = true
}

resource "aws_db_instance" "orders_default" {
  identifier                  = "orders-default"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true # no kms_key_id: aws/rds
  skip_final_snapshot         = true
}

resource "aws_db_instance" "orders_cmk" {
  identifier                  = "orders-cmk"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "orders"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.rds_data.arn
  skip_final_snapshot         = true
}

resource "aws_rds_cluster" "catalog_default" {
  cluster_identifier          = "catalog-default"
  engine                      = "aurora-postgresql"
  master_username             = "catalog"
  manage_master_user_password = true
  storage_encrypted           = true # no kms_key_id: aws/rds
  skip_final_snapshot         = true
}

resource "aws_rds_cluster" "catalog_cmk" {
  cluster_identifier          = "catalog-cmk"
  engine                      = "aurora-postgresql"
  master_username             = "catalog"
  manage_master_user_password = true
  storage_encrypted           = true
  kms_key_id                  = aws_kms_key.rds_data.arn
  skip_final_snapshot         = true
}
