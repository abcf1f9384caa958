# The remediation Terraform of the seed article: a customer-managed key for Neptune, and a cluster encrypted with it.
resource "aws_kms_key" "neptune_cmk" {
  description             = "KMS key for Neptune database encryption"
  deletion_window_in_days = 10
  enable_key_rotation     = true
  policy = jsonencode({
    Version = "2012-10-17",
    Statement = [
      {
        Sid    = "Enable IAM User Permissions",
        Effect = "Allow",
        Principal = {
          AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"
        },
        Action   = "kms:*",
        Resource = "*"
      },
      {
        Sid    = "Allow Neptune Service to use the key"
        Effect = "Allow",
        Principal = {
          Service = "rds.amazonaws.com"
        },
        Action = [
          "kms:Encrypt",
          "kms:Decrypt",
          "kms:ReEncrypt*",
          "kms:GenerateDataKey*",
          "kms:DescribeKey"
        ],
        Resource = "*"
      }
    ]
  })
  tags = {
    Name = "Neptune_CMK"
  }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "subnet_a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.1.0/24"
  availability_zone = "${data.aws_region.current.name}a"
}

resource "aws_subnet" "subnet_b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.0.2.0/24"
  availability_zone = "${data.aws_region.current.name}b"
}

resource "aws_neptune_subnet_group" "neptune_subnet_group" {
  name       = "my-neptune-subnet-group"
  subnet_ids = [aws_subnet.subnet_a.id, aws_subnet.subnet_b.id]
}

resource "aws_security_group" "neptune_sg" {
  name        = "neptune-security-group"
  description = "Security group for Neptune cluster"
  vpc_id      = aws_vpc.main.id

  ingress {
    from_port   = 8182
    to_port     = 8182
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.main.cidr_block]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_neptune_cluster" "my_encrypted_neptune_cluster" {
  cluster_identifier        = "my-secure-neptune-cluster"
  engine                    = "neptune"
  engine_version            = "1.2.0.0"
  final_snapshot_identifier = "my-secure-neptune-final-snapshot"
  skip_final_snapshot       = false
  db_subnet_group_name      = aws_neptune_subnet_group.neptune_subnet_group.name
  vpc_security_group_ids    = [aws_security_group.neptune_sg.id]
  port                      = 8182
  storage_encrypted         = true
  kms_key_arn               = aws_kms_key.neptune_cmk.arn
  tags = {
    Name        = "MySecureNeptuneCluster"
    Environment = "Production"
  }
}

resource "aws_neptune_cluster_instance" "my_neptune_instance" {
  cluster_identifier  = aws_neptune_cluster.my_encrypted_neptune_cluster.cluster_identifier
  engine              = "neptune"
  instance_class      = "db.t3.medium"
  publicly_accessible = false
  apply_immediately   = true
  tags = {
    Name = "MySecureNeptuneInstance"
  }
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}
