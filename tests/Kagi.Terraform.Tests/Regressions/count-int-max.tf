resource "aws_neptune_cluster" "c" {
  count             = 2147483647
  storage_encrypted = true
}
