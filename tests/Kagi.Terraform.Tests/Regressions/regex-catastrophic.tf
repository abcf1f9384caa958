locals {
  x = replace("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "/(a+)+$/", "b")
}

resource "aws_neptune_cluster" "c" {
  kms_key_arn       = local.x
  storage_encrypted = true
}
