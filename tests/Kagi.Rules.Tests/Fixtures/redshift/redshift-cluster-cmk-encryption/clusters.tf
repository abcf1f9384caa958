resource "aws_redshift_cluster" "pass_key_resource" {
  cluster_identifier = "pass-key-resource"
  node_type          = "ra3.xlplus"
  kms_key_id         = aws_kms_key.app.arn
}

resource "aws_redshift_cluster" "pass_alias_resource" {
  cluster_identifier = "pass-alias-resource"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_alias.app.arn
}

resource "aws_redshift_cluster" "pass_hsm_key" {
  cluster_identifier = "pass-hsm-key"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.hsm.arn
}

resource "aws_redshift_cluster" "pass_customer_key_data_source" {
  cluster_identifier = "pass-customer-key-data-source"
  node_type          = "ra3.xlplus"
  kms_key_id         = data.aws_kms_key.team.arn
}

resource "aws_redshift_cluster" "pass_restored_with_key" {
  cluster_identifier  = "pass-restored-with-key"
  node_type           = "ra3.xlplus"
  snapshot_identifier = "nightly"
  kms_key_id          = aws_kms_key.app.arn
}

# Encrypted by default (AWS provider 6.0, CreateCluster) under aws/redshift.
resource "aws_redshift_cluster" "fail_service_default" {
  cluster_identifier = "fail-service-default"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_cluster" "fail_encrypted_without_key" {
  cluster_identifier = "fail-encrypted-without-key"
  node_type          = "ra3.xlplus"
  encrypted          = true
}

resource "aws_redshift_cluster" "fail_unencrypted" {
  cluster_identifier = "fail-unencrypted"
  node_type          = "ra3.xlplus"
  encrypted          = false
}

resource "aws_redshift_cluster" "fail_aws_managed_alias_data_source" {
  cluster_identifier = "fail-aws-managed-alias-data-source"
  node_type          = "ra3.xlplus"
  kms_key_id         = data.aws_kms_alias.redshift.arn
}

resource "aws_redshift_cluster" "fail_aws_managed_alias_arn" {
  cluster_identifier = "fail-aws-managed-alias-arn"
  node_type          = "ra3.xlplus"
  kms_key_id         = "arn:aws:kms:eu-west-1:111122223333:alias/aws/redshift"
}

resource "aws_redshift_cluster" "unknown_literal_key_arn" {
  cluster_identifier = "unknown-literal-key-arn"
  node_type          = "ra3.xlplus"
  kms_key_id         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_redshift_cluster" "unknown_variable_without_default" {
  cluster_identifier = "unknown-variable-without-default"
  node_type          = "ra3.xlplus"
  kms_key_id         = var.key_without_default
}

resource "aws_redshift_cluster" "unknown_restored_without_key" {
  cluster_identifier = "unknown-restored-without-key"
  node_type          = "ra3.xlplus"
  snapshot_arn       = "arn:aws:redshift:eu-west-1:111122223333:snapshot:old-cluster/nightly"
}

resource "aws_redshift_cluster" "unknown_encrypted_from_variable" {
  cluster_identifier = "unknown-encrypted-from-variable"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted_without_default
  kms_key_id         = aws_kms_key.app.arn
}
