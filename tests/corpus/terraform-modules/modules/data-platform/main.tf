variable "environment" {
  type = string
}

variable "network" {
  type = object({
    cidr_block = string
    azs        = list(string)
  })
}

variable "graphs" {
  description = "Neptune clusters by name; hsm = true puts the key in the CloudHSM key store."
  type = map(object({
    hsm       = optional(bool, false)
    instances = optional(map(object({ instance_class = optional(string) })), { primary = {} })
  }))
}

variable "custom_key_store_id" {
  type    = string
  default = null
}

variable "enable_legacy_graph" {
  type    = bool
  default = false
}

locals {
  name = "kagi-${var.environment}"
  db_ports = {
    neptune  = 8182
    postgres = 5432
    docdb    = 27017
  }
}

module "network" {
  source     = "../network"
  name       = local.name
  cidr_block = var.network.cidr_block
  azs        = var.network.azs
  db_ports   = local.db_ports
}

module "graph_key" {
  source              = "../kms-key"
  for_each            = var.graphs
  description         = "${local.name} ${each.key} graph"
  alias               = "${local.name}-${each.key}"
  custom_key_store_id = each.value.hsm ? var.custom_key_store_id : null
}

module "graph" {
  source             = "../neptune"
  for_each           = var.graphs
  name               = "${local.name}-${each.key}"
  kms_key_arn        = module.graph_key[each.key].key_arn
  subnet_ids         = module.network.subnet_ids
  security_group_ids = [module.network.security_group_id]
  instances          = each.value.instances
}

# A graph left over from before the platform had keys: encrypted, but with the AWS-managed key.
module "legacy_graph" {
  source             = "../neptune"
  count              = var.enable_legacy_graph ? 1 : 0
  name               = "${local.name}-legacy"
  subnet_ids         = module.network.subnet_ids
  security_group_ids = [module.network.security_group_id]
}

module "orders" {
  source      = "../aurora"
  name        = "${local.name}-orders"
  kms_key_arn = module.graph_key["social"].key_arn
  subnet_ids  = module.network.subnet_ids
}

module "documents" {
  source     = "../docdb"
  subnet_ids = module.network.subnet_ids
  clusters = {
    catalog = { kms_key_arn = module.graph_key["social"].key_arn, instances = 2 }
    scratch = {}
  }
}

output "graph_arns" {
  value = { for name, graph in module.graph : name => graph.cluster_arn }
}
