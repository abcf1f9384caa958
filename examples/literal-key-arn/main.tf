# A bare key ARN says nothing about who manages the key: offline, the verdict is UNKNOWN, never PASS.
# Expected: cmk-encryption UNKNOWN; storage-encrypted PASS.

resource "aws_neptune_cluster" "analytics" {
  cluster_identifier  = "analytics-graph"
  engine              = "neptune"
  skip_final_snapshot = true
  storage_encrypted   = true
  kms_key_arn         = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
