variable "retention_days" {
  type = number
}

resource "aws_neptune_cluster" "pass_seven_days" {
  cluster_identifier      = "pass-seven-days"
  backup_retention_period = 7
}

resource "aws_neptune_cluster" "pass_thirty_five_days_as_string" {
  backup_retention_period = "35"
}

resource "aws_neptune_cluster" "fail_default_one_day" {
  cluster_identifier = "fail-default-one-day"
}

resource "aws_neptune_cluster" "fail_six_days" {
  backup_retention_period = 6
}

resource "aws_neptune_cluster" "unknown_variable_without_default" {
  backup_retention_period = var.retention_days
}
