data "aws_kms_alias" "rds" {
  name = "alias/aws/rds"
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier      = "aurora-${var.env}"
  engine                  = "aurora-postgresql"
  engine_mode             = "provisioned"
  engine_version          = "15.4"
  database_name           = "app"
  master_username         = "admin"
  manage_master_user_password = true
  storage_encrypted       = true
  kms_key_id              = var.use_default_key ? data.aws_kms_alias.rds.target_key_arn : aws_kms_key.aurora[0].arn
  backup_retention_period = var.env == "prod" ? 35 : 1
  db_subnet_group_name    = aws_db_subnet_group.aurora.name
  vpc_security_group_ids  = [aws_security_group.db.id]
  skip_final_snapshot     = var.env != "prod"

  serverlessv2_scaling_configuration {
    min_capacity = 0.5
    max_capacity = 16
  }
}

resource "aws_kms_key" "aurora" {
  count               = var.use_default_key ? 0 : 1
  description         = "Aurora CMK"
  enable_key_rotation = true
}

resource "aws_rds_cluster_instance" "aurora" {
  for_each           = toset(["a", "b"])
  identifier         = "aurora-${var.env}-${each.key}"
  cluster_identifier = aws_rds_cluster.aurora.id
  instance_class     = "db.serverless"
  engine             = aws_rds_cluster.aurora.engine
  engine_version     = aws_rds_cluster.aurora.engine_version
  performance_insights_enabled    = true
  performance_insights_kms_key_id = try(aws_kms_key.aurora[0].arn, null)
}

resource "aws_db_instance" "legacy" {
  identifier           = "legacy-mysql"
  engine               = "mysql"
  instance_class       = "db.t3.micro"
  allocated_storage    = 20
  storage_encrypted    = false
  username             = "root"
  password             = var.db_password
  parameter_group_name = "default.mysql8.0"
  skip_final_snapshot  = true
}
