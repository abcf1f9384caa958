terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.common_tags
  }
}

variable "region" {
  type    = string
  default = "ap-northeast-1"
}

variable "cluster_identifier" {
  type        = string
  description = "Neptune cluster identifier"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}$", var.cluster_identifier))
    error_message = "The identifier must start with a letter."
  }
}

locals {
  common_tags = {
    Project     = "graph"
    Environment = terraform.workspace
  }
}

resource "aws_kms_key" "neptune" {
  description             = "CMK for Neptune ${var.cluster_identifier}"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EnableRoot"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "AllowRds"
        Effect    = "Allow"
        Principal = { Service = "rds.amazonaws.com" }
        Action    = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"]
        Resource  = "*"
      },
    ]
  })
}

resource "aws_kms_alias" "neptune" {
  name          = "alias/neptune-${var.cluster_identifier}"
  target_key_id = aws_kms_key.neptune.key_id
}

resource "aws_neptune_subnet_group" "this" {
  name       = "${var.cluster_identifier}-subnets"
  subnet_ids = aws_subnet.private[*].id
}

resource "aws_neptune_cluster_parameter_group" "this" {
  family = "neptune1.3"
  name   = "${var.cluster_identifier}-params"

  parameter {
    name  = "neptune_enable_audit_log"
    value = 1
  }
}

resource "aws_neptune_cluster" "this" {
  cluster_identifier                   = var.cluster_identifier
  engine                               = "neptune"
  engine_version                       = "1.3.1.0"
  storage_encrypted                    = true
  kms_key_arn                          = aws_kms_key.neptune.arn
  iam_database_authentication_enabled  = true
  backup_retention_period              = 7
  preferred_backup_window              = "07:00-09:00"
  skip_final_snapshot                  = false
  final_snapshot_identifier            = "${var.cluster_identifier}-final"
  vpc_security_group_ids               = [aws_security_group.neptune.id]
  neptune_subnet_group_name            = aws_neptune_subnet_group.this.name
  neptune_cluster_parameter_group_name = aws_neptune_cluster_parameter_group.this.name
  enable_cloudwatch_logs_exports       = ["audit"]
  deletion_protection                  = true
  tags                                 = merge(local.common_tags, { Name = var.cluster_identifier })
}

resource "aws_neptune_cluster_instance" "this" {
  count              = 2
  identifier         = "${var.cluster_identifier}-${count.index}"
  cluster_identifier = aws_neptune_cluster.this.id
  instance_class     = "db.r6g.large"
  apply_immediately  = true
}

data "aws_caller_identity" "current" {}

output "endpoint" {
  value       = aws_neptune_cluster.this.endpoint
  description = "Writer endpoint"
}
