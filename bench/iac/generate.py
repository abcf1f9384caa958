#!/usr/bin/env python3
"""Writes a Terraform tree that resembles a large estate: many root modules, each with
variables, locals, KMS keys, Neptune clusters, networking noise and comments.

Usage: generate.py OUT_DIR [MODULES] [SEED]
Deterministic for a given seed, so runs are comparable.
"""
import os
import random
import sys

out = sys.argv[1]
modules = int(sys.argv[2]) if len(sys.argv) > 2 else 600
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 42)

VARIABLES = '''variable "environment" {
  type        = string
  default     = "%(env)s"
  description = "Deployment environment"
}

variable "tags" {
  type = map(string)
  default = {
    Team    = "graph-%(i)d"
    Service = "recommendations"
  }
}

locals {
  name_prefix = "svc%(i)d-${var.environment}"
  common_tags = merge(var.tags, { Environment = var.environment, ManagedBy = "terraform" })
  ports       = [for p in [8182, 8183] : p if p > 0]
}
'''

KMS = '''resource "aws_kms_key" "graph_%(j)d" {
  description             = "Neptune key ${local.name_prefix}-%(j)d"
  deletion_window_in_days = 30
  enable_key_rotation     = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Root"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
  tags = local.common_tags
}
'''

CLUSTER = '''# Cluster %(j)d of module %(i)d
resource "aws_neptune_cluster" "graph_%(j)d" {
  cluster_identifier                  = "${local.name_prefix}-graph-%(j)d"
  engine                              = "neptune"
  backup_retention_period             = %(backup)d
  preferred_backup_window             = "07:00-09:00"
  skip_final_snapshot                 = true
  iam_database_authentication_enabled = true
  storage_encrypted                   = %(encrypted)s
%(key)s  tags = merge(local.common_tags, { Name = "graph-%(j)d" })
}

resource "aws_neptune_cluster_instance" "graph_%(j)d" {
  count              = 2
  cluster_identifier = aws_neptune_cluster.graph_%(j)d.id
  instance_class     = "db.r6g.large"
  engine             = "neptune"
}
'''

NETWORK = '''resource "aws_security_group" "graph" {
  name   = "${local.name_prefix}-graph"
  vpc_id = "vpc-0123456789abcdef0"

  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

output "endpoints" {
  value = { for k, v in { a = 1, b = 2 } : k => "${local.name_prefix}-${k}-${v}" }
}
'''

KEY_CHOICES = [
    '  kms_key_arn                         = aws_kms_key.graph_%(j)d.arn\n',
    '',
    '  kms_key_arn                         = "alias/aws/rds"\n',
    '  kms_key_arn                         = "arn:aws:kms:eu-west-1:111122223333:key/%(uuid)s"\n',
]

os.makedirs(out, exist_ok=True)
clusters = 0
for i in range(modules):
    directory = os.path.join(out, "service-%04d" % i)
    os.makedirs(directory, exist_ok=True)
    env = rng.choice(["dev", "staging", "prod"])
    with open(os.path.join(directory, "variables.tf"), "w") as f:
        f.write(VARIABLES % {"env": env, "i": i})
    with open(os.path.join(directory, "network.tf"), "w") as f:
        f.write(NETWORK)
    count = rng.randint(1, 4)
    with open(os.path.join(directory, "kms.tf"), "w") as f:
        for j in range(count):
            f.write(KMS % {"j": j})
    for j in range(count):
        key = rng.choice(KEY_CHOICES) % {"j": j, "uuid": "%08x-1111-2222-3333-444455556666" % rng.getrandbits(32)}
        with open(os.path.join(directory, "neptune_%d.tf" % j), "w") as f:
            f.write(CLUSTER % {"i": i, "j": j, "backup": rng.choice([1, 7, 14]),
                               "encrypted": rng.choice(["true", "true", "false"]), "key": key})
        clusters += 1
print("modules=%d clusters=%d" % (modules, clusters))
