locals {
  x = format("%2000000000s", "x")
}

resource "aws_neptune_cluster" "c" {
  kms_key_arn       = local.x
  storage_encrypted = true
}
