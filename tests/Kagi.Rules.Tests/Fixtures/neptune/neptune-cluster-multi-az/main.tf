variable "zone" {
  type = string
}

resource "aws_neptune_cluster" "pass_two_zones" {
  cluster_identifier = "pass-two-zones"
}

resource "aws_neptune_cluster_instance" "writer" {
  cluster_identifier = aws_neptune_cluster.pass_two_zones.id
  instance_class     = "db.r6g.large"
  availability_zone  = "eu-west-1a"
}

resource "aws_neptune_cluster_instance" "reader" {
  cluster_identifier = aws_neptune_cluster.pass_two_zones.id
  instance_class     = "db.r6g.large"
  availability_zone  = "eu-west-1b"
}

# Joined by the literal identifier rather than by reference.
resource "aws_neptune_cluster" "fail_one_instance" {
  cluster_identifier = "fail-one-instance"
}

resource "aws_neptune_cluster_instance" "single" {
  cluster_identifier = "fail-one-instance"
  instance_class     = "db.r6g.large"
}

resource "aws_neptune_cluster" "fail_same_zone" {
  cluster_identifier = "fail-same-zone"
}

resource "aws_neptune_cluster_instance" "same_zone_1" {
  cluster_identifier = aws_neptune_cluster.fail_same_zone.id
  instance_class     = "db.r6g.large"
  availability_zone  = "eu-west-1a"
}

resource "aws_neptune_cluster_instance" "same_zone_2" {
  cluster_identifier = aws_neptune_cluster.fail_same_zone.id
  instance_class     = "db.r6g.large"
  availability_zone  = "eu-west-1a"
}

resource "aws_neptune_cluster" "unknown_zone_left_to_aws" {
  cluster_identifier = "unknown-zone-left-to-aws"
}

resource "aws_neptune_cluster_instance" "chosen_zone" {
  cluster_identifier = aws_neptune_cluster.unknown_zone_left_to_aws.id
  instance_class     = "db.r6g.large"
  availability_zone  = "eu-west-1a"
}

resource "aws_neptune_cluster_instance" "aws_chooses" {
  cluster_identifier = aws_neptune_cluster.unknown_zone_left_to_aws.id
  instance_class     = "db.r6g.large"
}

resource "aws_neptune_cluster" "unknown_zone_from_variable" {
  cluster_identifier = "unknown-zone-from-variable"
}

resource "aws_neptune_cluster_instance" "zone_from_variable_1" {
  cluster_identifier = aws_neptune_cluster.unknown_zone_from_variable.id
  instance_class     = "db.r6g.large"
  availability_zone  = var.zone
}

resource "aws_neptune_cluster_instance" "zone_from_variable_2" {
  cluster_identifier = aws_neptune_cluster.unknown_zone_from_variable.id
  instance_class     = "db.r6g.large"
  availability_zone  = "eu-west-1a"
}

resource "aws_neptune_cluster" "unknown_no_instances" {
  cluster_identifier = "unknown-no-instances"
}
