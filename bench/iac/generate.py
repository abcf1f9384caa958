#!/usr/bin/env python3
"""Writes a Terraform tree that resembles a large estate: many root modules, each with
variables, locals, KMS keys, Neptune clusters, networking noise and comments.

Usage: generate.py OUT_DIR [MODULES] [SEED] [--estate-files COUNT]
       generate.py OUT_DIR ROOTS [SEED] --nested DEPTH FANOUT CLUSTERS
Deterministic for a given seed, so runs are comparable.

--estate-files COUNT adds to each module a stores.tf holding COUNT of the 16 files of examples/estate (data stores of
every kind with their keys, each file self-contained), a different choice in each module: larger files, and every
kind's mapping and rules at work. 144 modules with 12 make the size of the Checkov issue's tree (~935 files, ~61k lines).

--nested writes ROOTS root modules that all call one chain of DEPTH module folders: each level
creates a KMS key and CLUSTERS counted Neptune clusters (keyed by its own key, its caller's key passed
down as a variable, or the AWS-managed default), and calls the next level FANOUT times with for_each.
A root thus has sum(FANOUT^k, k=1..DEPTH) module instances and (1 + CLUSTERS) resources in each.
"""
import os
import random
import sys

args = [a for a in sys.argv[1:]]
estate_files = 0
if "--estate-files" in args:
    at = args.index("--estate-files")
    estate_files = int(args[at + 1])
    del args[at:at + 2]
nested = None
if "--nested" in args:
    at = args.index("--nested")
    nested = tuple(int(v) for v in args[at + 1:at + 4])
    del args[at:at + 4]
out = args[0]
modules = int(args[1]) if len(args) > 1 else 600
rng = random.Random(int(args[2]) if len(args) > 2 else 42)

LEVEL = '''variable "environment" {
  type = string
}

variable "caller_key_arn" {
  type    = string
  default = null
}

variable "clusters" {
  type    = number
  default = %(clusters)d
}

locals {
  prefix = "${var.environment}-l%(level)d"
  keys = {
    own    = aws_kms_key.this.arn
    caller = var.caller_key_arn
    aws    = null
  }
}

resource "aws_kms_key" "this" {
  description         = "level %(level)d key for ${var.environment}"
  enable_key_rotation = true
}

resource "aws_neptune_cluster" "this" {
  # kagi:ignore neptune-cluster-multi-az generated benchmark clusters have no instances
  count                   = var.clusters
  cluster_identifier      = "${local.prefix}-${count.index}"
  storage_encrypted       = true
  kms_key_arn             = local.keys[element(["own", "caller", "aws"], count.index)]
  backup_retention_period = 7
  tags                    = { Level = "%(level)d", Index = tostring(count.index) }
}
%(child)s
output "key_arn" {
  value = aws_kms_key.this.arn
}
'''

CHILD = '''
module "next" {
  source         = "../level-%(next)02d"
  for_each       = toset([for i in range(%(fanout)d) : "b${i}"])
  environment    = "${var.environment}-${each.key}"
  caller_key_arn = aws_kms_key.this.arn
}
'''

ROOT = '''provider "aws" {
  region = "ap-northeast-1"
}

module "top" {
  source      = "../../modules/level-01"
  for_each    = toset([for i in range(%(fanout)d) : "r${i}"])
  environment = "root%(i)d-${each.key}"
}
'''


def write_nested(roots, depth, fanout, clusters):
    for level in range(1, depth + 1):
        directory = os.path.join(out, "modules", "level-%02d" % level)
        os.makedirs(directory, exist_ok=True)
        child = CHILD % {"next": level + 1, "fanout": fanout} if level < depth else ""
        with open(os.path.join(directory, "main.tf"), "w") as f:
            f.write(LEVEL % {"level": level, "clusters": clusters, "child": child})
    for i in range(roots):
        directory = os.path.join(out, "roots", "root-%04d" % i)
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, "main.tf"), "w") as f:
            f.write(ROOT % {"i": i, "fanout": fanout})
    per_root = sum(fanout ** k for k in range(1, depth + 1))
    print("roots=%d depth=%d module-instances=%d clusters=%d" % (roots, depth, roots * per_root, roots * per_root * clusters))


if nested is not None:
    write_nested(modules, *nested)
    sys.exit(0)

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

ESTATE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "estate")
ESTATE = {name: open(os.path.join(ESTATE_DIR, name)).read() for name in sorted(os.listdir(ESTATE_DIR)) if name.endswith(".tf")}

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
    if estate_files:
        with open(os.path.join(directory, "stores.tf"), "w") as f:
            for name in sorted(rng.sample(sorted(ESTATE), estate_files)):
                f.write(ESTATE[name] + "\n")
print("modules=%d clusters=%d" % (modules, clusters))
