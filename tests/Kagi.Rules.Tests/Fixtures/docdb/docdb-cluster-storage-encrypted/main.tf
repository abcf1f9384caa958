variable "encrypted_without_default" {
  type = bool
}

resource "aws_docdb_cluster" "pass_encrypted" {
  cluster_identifier = "pass-encrypted"
  storage_encrypted  = true
}

resource "aws_docdb_cluster" "fail_attribute_absent" {
  cluster_identifier = "fail-attribute-absent"
}

resource "aws_docdb_cluster" "fail_explicitly_false" {
  storage_encrypted = false
}

resource "aws_docdb_cluster" "unknown_variable_without_default" {
  storage_encrypted = var.encrypted_without_default
}

resource "aws_docdb_cluster" "pass_restored_with_a_key" {
  snapshot_identifier = "nightly"
  kms_key_id          = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_docdb_cluster" "unknown_restored_from_snapshot" {
  snapshot_identifier = "nightly"
}
