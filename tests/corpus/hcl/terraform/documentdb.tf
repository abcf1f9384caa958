resource "aws_docdb_cluster_parameter_group" "tls" {
  family = "docdb5.0"
  name   = "docdb-tls"

  parameter {
    name  = "tls"
    value = "enabled"
  }

  parameter {
    name  = "audit_logs"
    value = "enabled"
  }
}

resource "aws_docdb_cluster" "docs" {
  cluster_identifier              = "docs"
  engine                          = "docdb"
  master_username                 = "docdbadmin"
  master_password                 = random_password.docdb.result
  storage_encrypted               = true
  kms_key_id                      = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.tls.name
  enabled_cloudwatch_logs_exports = ["audit", "profiler"]
  availability_zones              = slice(data.aws_availability_zones.available.names, 0, 3)
}

resource "aws_docdb_cluster_instance" "docs" {
  count              = length(aws_docdb_cluster.docs.availability_zones)
  identifier         = format("docs-%02d", count.index + 1)
  cluster_identifier = aws_docdb_cluster.docs.id
  instance_class     = "db.r6g.large"
}

resource "random_password" "docdb" {
  length  = 32
  special = false
}
