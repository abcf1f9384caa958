variable "name" {
  type = string
}

variable "kms_key_arn" {
  type    = string
  default = ""
}

variable "subnet_ids" {
  type = list(string)
}

variable "instance_count" {
  type    = number
  default = 2
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_rds_cluster" "this" {
  cluster_identifier   = var.name
  engine               = "aurora-postgresql"
  engine_version       = "15.4"
  db_subnet_group_name = aws_db_subnet_group.this.name
  master_username      = "app"
  manage_master_user_password = true
  storage_encrypted    = true
  kms_key_id           = var.kms_key_arn == "" ? null : var.kms_key_arn
}

resource "aws_rds_cluster_instance" "this" {
  count              = var.instance_count
  identifier         = "${var.name}-${count.index + 1}"
  cluster_identifier = aws_rds_cluster.this.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.this.engine
}
