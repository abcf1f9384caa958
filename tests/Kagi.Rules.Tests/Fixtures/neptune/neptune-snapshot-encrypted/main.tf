resource "aws_neptune_cluster" "encrypted" {
  cluster_identifier = "encrypted"
  storage_encrypted  = true
}

resource "aws_neptune_cluster" "plain" {
  cluster_identifier = "plain"
}

resource "aws_neptune_cluster_snapshot" "pass_of_encrypted_cluster" {
  db_cluster_identifier          = aws_neptune_cluster.encrypted.id
  db_cluster_snapshot_identifier = "pass-of-encrypted-cluster"
}

resource "aws_neptune_cluster_snapshot" "fail_of_unencrypted_cluster" {
  db_cluster_identifier          = aws_neptune_cluster.plain.id
  db_cluster_snapshot_identifier = "fail-of-unencrypted-cluster"
}

# Joined by the literal cluster identifier.
resource "aws_neptune_cluster_snapshot" "fail_of_unencrypted_cluster_by_name" {
  db_cluster_identifier          = "plain"
  db_cluster_snapshot_identifier = "fail-by-name"
}

resource "aws_neptune_cluster_snapshot" "unknown_of_cluster_outside_configuration" {
  db_cluster_identifier          = "created-elsewhere"
  db_cluster_snapshot_identifier = "unknown-outside"
}
