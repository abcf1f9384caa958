# The AWS provider has no argument that shares a Neptune cluster snapshot: what Terraform creates is private.
# A public snapshot can only be found live (see the fake AWS scenarios in Kagi.Aws.Tests).
resource "aws_neptune_cluster" "source" {
  cluster_identifier = "source"
  storage_encrypted  = true
}

resource "aws_neptune_cluster_snapshot" "pass_private" {
  db_cluster_identifier          = aws_neptune_cluster.source.id
  db_cluster_snapshot_identifier = "pass-private"
}
