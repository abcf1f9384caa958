variable "clusters" {
  type = map(object({
    kms_key_arn = optional(string)
    instances   = optional(number, 1)
  }))
}

variable "subnet_ids" {
  type = list(string)
}

resource "aws_docdb_subnet_group" "this" {
  name       = "docdb"
  subnet_ids = var.subnet_ids
}

resource "aws_docdb_cluster" "this" {
  for_each             = var.clusters
  cluster_identifier   = each.key
  db_subnet_group_name = aws_docdb_subnet_group.this.name
  storage_encrypted    = each.value.kms_key_arn != null
  kms_key_id           = each.value.kms_key_arn
}
