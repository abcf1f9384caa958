data "aws_iam_policy_document" "computed" {
  statement {
    actions   = ["kms:*"]
    resources = ["*"]
  }
}

resource "aws_kms_key" "pass_default_policy" {
  description = "no policy argument: the account-only default key policy"
}

resource "aws_kms_key" "pass_account_principal" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Account"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

resource "aws_kms_key" "pass_star_with_caller_account" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ViaRds"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = ["kms:Decrypt", "kms:GenerateDataKey*"]
      Resource  = "*"
      Condition = { StringEquals = { "kms:CallerAccount" = "111122223333", "kms:ViaService" = "rds.eu-west-1.amazonaws.com" } }
    }]
  })
}

resource "aws_kms_key" "pass_public_deny" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "DenyAll", Effect = "Deny", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}

resource "aws_kms_key" "fail_star_principal" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Account", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" },
      { Sid = "Everyone", Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*" },
    ]
  })
}

resource "aws_kms_key" "fail_star_with_via_service_only" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["*"] }
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringEquals = { "kms:ViaService" = "rds.eu-west-1.amazonaws.com" } }
    }]
  })
}

resource "aws_kms_key" "fail_wildcard_condition_value" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AnyOrg"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringLike = { "aws:PrincipalOrgID" = "*" } }
    }]
  })
}

resource "aws_kms_key" "unknown_policy_document_data_source" {
  policy = data.aws_iam_policy_document.computed.json
}

# aws_kms_key_policy replaces the key's own (absent, default) policy.
resource "aws_kms_key" "fail_policy_from_separate_resource" {
  description = "policy set by aws_kms_key_policy"
}

resource "aws_kms_key_policy" "public" {
  key_id = aws_kms_key.fail_policy_from_separate_resource.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Everyone", Effect = "Allow", Principal = "*", Action = "kms:*", Resource = "*" }]
  })
}
