variable "create" {
  type    = bool
  default = true
}

variable "name" {
  type = string
}

variable "kms_key_arn" {
  type    = string
  default = null
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "instances" {
  type = map(object({
    instance_class = optional(string, "db.r6g.large")
    promotion_tier = optional(number, 1)
  }))
  default = {}
}

resource "aws_neptune_subnet_group" "this" {
  count      = var.create ? 1 : 0
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_neptune_cluster" "this" {
  count                               = var.create ? 1 : 0
  cluster_identifier                  = var.name
  engine                              = "neptune"
  neptune_subnet_group_name           = aws_neptune_subnet_group.this[0].name
  vpc_security_group_ids              = var.security_group_ids
  storage_encrypted                   = true
  kms_key_arn                         = var.kms_key_arn
  iam_database_authentication_enabled = true
  backup_retention_period             = 7
  skip_final_snapshot                 = false
  final_snapshot_identifier           = "${var.name}-final"
  enable_cloudwatch_logs_exports      = ["audit"]
}

resource "aws_neptune_cluster_instance" "this" {
  for_each           = var.create ? var.instances : {}
  identifier         = "${var.name}-${each.key}"
  cluster_identifier = aws_neptune_cluster.this[0].id
  instance_class     = each.value.instance_class
  promotion_tier     = each.value.promotion_tier
}

output "cluster_arn" {
  value = try(aws_neptune_cluster.this[0].arn, null)
}
