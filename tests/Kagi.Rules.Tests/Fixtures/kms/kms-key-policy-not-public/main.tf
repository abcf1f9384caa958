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

# Prowler issue 10070: kms:DescribeKey alone, to everyone, is public (as Security Hub KMS.5 judges it).
resource "aws_kms_key" "fail_describe_key_only" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "DescribeForAnyone", Effect = "Allow", Principal = { AWS = "*" }, Action = "kms:DescribeKey", Resource = "*" }]
  })
}

resource "aws_kms_key" "pass_describe_key_in_organization" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DescribeForOrg"
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:DescribeKey"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

resource "aws_kms_key" "pass_star_with_principal_account" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["kms:Encrypt", "kms:Decrypt"]
      Resource  = "*"
      Condition = { StringEqualsIfExists = { "aws:PrincipalAccount" = ["111122223333", "444455556666"] } }
    }]
  })
}

resource "aws_kms_key" "pass_star_with_principal_arn_pattern" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::111122223333:role/app-*" } }
    }]
  })
}

resource "aws_kms_key" "pass_star_with_source_vpce_heredoc" {
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Sid": "FromEndpoint",
        "Effect": "Allow",
        "Principal": "*",
        "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
        "Resource": "*",
        "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-0a1b2c3d4e5f67890", "kms:ViaService": "s3.eu-west-1.amazonaws.com"}}
      }]
    }
  POLICY
}

resource "aws_kms_key" "fail_heredoc_everyone" {
  policy = <<-POLICY
    {"Version": "2012-10-17", "Statement": [{"Sid": "Anyone", "Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "kms:*", "Resource": "*"}]}
  POLICY
}

# "Everyone but this account" is everyone else.
resource "aws_kms_key" "fail_negated_caller_account" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "NotOurs"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringNotEquals = { "kms:CallerAccount" = "111122223333" } }
    }]
  })
}

# A caller outside any organisation has no aws:PrincipalOrgID, and IfExists lets it through.
resource "aws_kms_key" "fail_org_id_if_exists" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OrgIfAny"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringEqualsIfExists = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

resource "aws_kms_key" "fail_source_ip_anywhere" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AnyAddress"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = ["10.0.0.0/8", "0.0.0.0/0"] } }
    }]
  })
}

resource "aws_kms_key" "fail_encryption_context_only" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AnyTenant"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringEquals = { "kms:EncryptionContext:tenant" = "acme" } }
    }]
  })
}

resource "aws_kms_key" "unknown_condition_key_kagi_does_not_know" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ByServiceName"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalServiceName" = "cloudtrail.amazonaws.com" } }
    }]
  })
}

resource "aws_kms_key" "unknown_account_pattern" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "SomeAccounts"
      Effect    = "Allow"
      Principal = "*"
      Action    = "kms:Decrypt"
      Resource  = "*"
      Condition = { StringLike = { "aws:PrincipalAccount" = "1111*" } }
    }]
  })
}

# One open statement fails the key even when another is only unjudged.
resource "aws_kms_key" "fail_open_beside_unjudged" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Odd", Effect = "Allow", Principal = "*", Action = "kms:Decrypt", Resource = "*", Condition = { NumericLessThan = { "aws:PrincipalAccount" = "5" } } },
      { Sid = "Open", Effect = "Allow", Principal = "*", Action = "kms:DescribeKey", Resource = "*" },
    ]
  })
}
