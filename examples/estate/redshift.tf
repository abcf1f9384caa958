# Redshift: a provisioned cluster once on the AWS default and once on a customer-managed key.
# From AWS provider 6.0 (and in CreateCluster itself) a cluster is encrypted unless it says otherwise.
# Expected: redshift-cluster-storage-encrypted PASS for both; redshift-cluster-cmk-encryption FAIL (aws-managed,
# aws/redshift) for warehouse_default, PASS (customer) for warehouse_cmk.

resource "aws_kms_key" "redshift_data" {
  description         = "customer-managed key for the Redshift example"
  enable_key_rotation = true
}

resource "aws_redshift_cluster" "warehouse_default" {
  cluster_identifier     = "warehouse-default"
  node_type              = "ra3.large"
  master_username        = "warehouse"
  manage_master_password = true
  skip_final_snapshot    = true # no encrypted, no kms_key_id: encrypted under aws/redshift
}

resource "aws_redshift_cluster" "warehouse_cmk" {
  cluster_identifier     = "warehouse-cmk"
  node_type              = "ra3.large"
  master_username        = "warehouse"
  manage_master_password = true
  encrypted              = true
  kms_key_id             = aws_kms_key.redshift_data.arn
  skip_final_snapshot    = true
}
