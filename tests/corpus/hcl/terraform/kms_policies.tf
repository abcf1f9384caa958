data "aws_iam_policy_document" "key" {
  statement {
    sid     = "Root"
    actions = ["kms:*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
    resources = ["*"]
  }

  statement {
    sid    = "ViaService"
    effect = "Allow"
    actions = [
      "kms:Decrypt",
      "kms:DescribeKey",
    ]
    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["rds.${var.region}.amazonaws.com"]
    }
    resources = ["*"]
  }
}

resource "aws_kms_key" "hsm" {
  description         = "HSM-backed key"
  custom_key_store_id = aws_kms_custom_key_store.hsm.id
  key_usage           = "ENCRYPT_DECRYPT"
  policy              = data.aws_iam_policy_document.key.json
}

resource "aws_kms_key" "heredoc_policy" {
  description = "policy as a heredoc"
  policy      = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "arn:aws:iam::${var.account_id}:root"},
        "Action": "kms:*",
        "Resource": "*"
      }]
    }
  POLICY
}

resource "aws_kms_custom_key_store" "hsm" {
  cloud_hsm_cluster_id  = var.cloudhsm_cluster_id
  custom_key_store_name = "kagi-hsm"
  key_store_password    = var.key_store_password
  trust_anchor_certificate = file("${path.module}/customerCA.crt")
}
