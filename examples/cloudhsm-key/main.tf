# A CMK in a CloudHSM custom key store: the "hsm" level.
# Expected: cmk-encryption PASS, also with --min-key-level hsm.

provider "aws" {
  region = "us-east-1"
}

variable "custom_key_store_id" {
  type    = string
  default = "cks-1234567890abcdef0"
}

resource "aws_kms_key" "hsm" {
  description         = "Neptune key in CloudHSM"
  custom_key_store_id = var.custom_key_store_id
}

resource "aws_kms_alias" "hsm" {
  name          = "alias/neptune-hsm"
  target_key_id = aws_kms_key.hsm.key_id
}

resource "aws_neptune_cluster" "payments" {
  cluster_identifier  = "payments-graph"
  engine              = "neptune"
  skip_final_snapshot = true
  storage_encrypted   = true
  kms_key_arn         = aws_kms_key.hsm.arn
}
