variable "encrypted_without_default" {
  type = bool
}

# AWS provider 6.0 and CreateCluster both encrypt a cluster that does not say.
resource "aws_redshift_cluster" "pass_encrypted_by_default" {
  cluster_identifier = "pass-encrypted-by-default"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_cluster" "pass_encrypted" {
  cluster_identifier = "pass-encrypted"
  node_type          = "ra3.xlplus"
  encrypted          = true
}

resource "aws_redshift_cluster" "pass_restored_with_key" {
  cluster_identifier  = "pass-restored-with-key"
  node_type           = "ra3.xlplus"
  snapshot_identifier = "nightly"
  kms_key_id          = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_redshift_cluster" "fail_unencrypted" {
  cluster_identifier = "fail-unencrypted"
  node_type          = "ra3.xlplus"
  encrypted          = false
}

resource "aws_redshift_cluster" "unknown_restored_without_key" {
  cluster_identifier  = "unknown-restored-without-key"
  node_type           = "ra3.xlplus"
  snapshot_identifier = "nightly"
}

resource "aws_redshift_cluster" "unknown_encrypted_from_variable" {
  cluster_identifier = "unknown-encrypted-from-variable"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted_without_default
}
