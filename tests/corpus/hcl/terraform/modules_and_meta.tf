module "graph" {
  source   = "./modules/neptune"
  for_each = var.clusters

  cluster_identifier = each.key
  kms_key_arn        = each.value.cmk ? aws_kms_key.graph[each.key].arn : null
  instance_count     = lookup(each.value, "instances", 1)

  providers = {
    aws = aws.tokyo
  }

  depends_on = [aws_kms_key.graph]
}

module "network" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.1.2"
  count   = var.create_vpc ? 1 : 0

  name            = "kagi"
  cidr            = "10.0.0.0/16"
  azs             = data.aws_availability_zones.available.names
  private_subnets = [for i in range(3) : cidrsubnet("10.0.0.0/16", 8, i)]
}

resource "aws_kms_key" "graph" {
  for_each                = { for name, cfg in var.clusters : name => cfg if cfg.cmk }
  description             = "graph ${each.key}"
  enable_key_rotation     = true
  custom_key_store_id     = each.value.hsm ? aws_kms_custom_key_store.hsm.id : null
}

moved {
  from = aws_kms_key.old
  to   = aws_kms_key.graph["main"]
}

import {
  to = aws_kms_key.graph["imported"]
  id = "1234abcd-12ab-34cd-56ef-1234567890ab"
}

check "cluster_encrypted" {
  assert {
    condition     = alltrue([for m in module.graph : m.storage_encrypted])
    error_message = "Every cluster must be encrypted."
  }
}

output "cluster_arns" {
  value = { for k, m in module.graph : k => m.cluster_arn }
}

output "first_vpc" {
  value     = one(module.network[*].vpc_id)
  sensitive = false
}
