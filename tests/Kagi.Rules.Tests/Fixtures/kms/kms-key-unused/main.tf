resource "aws_kms_key" "pass_protects_a_cluster" {
  description = "used"
}

resource "aws_kms_key" "pass_protects_a_cluster_through_an_alias" {
  description = "used through its alias"
}

resource "aws_kms_alias" "graph" {
  name          = "alias/graph"
  target_key_id = aws_kms_key.pass_protects_a_cluster_through_an_alias.key_id
}

resource "aws_kms_key" "fail_protects_nothing" {
  description = "unused"
}

resource "aws_kms_key" "fail_named_only_by_an_unencrypted_cluster" {
  description = "named but not used"
}

resource "aws_neptune_cluster" "encrypted" {
  storage_encrypted = true
  kms_key_arn       = aws_kms_key.pass_protects_a_cluster.arn
}

resource "aws_neptune_cluster" "through_alias" {
  storage_encrypted = true
  kms_key_arn       = aws_kms_alias.graph.arn
}

resource "aws_neptune_cluster" "unencrypted" {
  kms_key_arn = aws_kms_key.fail_named_only_by_an_unencrypted_cluster.arn
}
