terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type = string
}

variable "custom_key_store_id" {
  type      = string
  sensitive = true
}

variable "graphs" {
  type = map(object({
    hsm = optional(bool, false)
  }))
}

module "platform" {
  source              = "../../modules/data-platform"
  environment         = "prod"
  custom_key_store_id = var.custom_key_store_id
  enable_legacy_graph = true
  graphs              = var.graphs
  network = {
    cidr_block = "10.20.0.0/16"
    azs        = ["ap-northeast-1a", "ap-northeast-1c"]
  }
}

output "graph_arns" {
  value = module.platform.graph_arns
}
