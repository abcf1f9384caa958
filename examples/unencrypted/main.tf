# storage_encrypted is not set, and the provider's default is false.
# Expected: storage-encrypted FAIL, cmk-encryption FAIL (none).

resource "aws_neptune_cluster" "legacy" {
  cluster_identifier  = "legacy-recommendations"
  engine              = "neptune"
  skip_final_snapshot = true
}
