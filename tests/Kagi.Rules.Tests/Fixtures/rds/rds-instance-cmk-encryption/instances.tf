resource "aws_db_instance" "pass_key_resource" {
  identifier        = "pass-key-resource"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.app.arn
}

resource "aws_db_instance" "pass_key_through_alias_resource" {
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = aws_kms_alias.app.arn
}

resource "aws_db_instance" "fail_no_key" {
  identifier        = "fail-no-key"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}

# The provider's default is unencrypted.
resource "aws_db_instance" "fail_not_encrypted" {
  identifier     = "fail-not-encrypted"
  engine         = "mysql"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "fail_aws_managed_alias_arn" {
  engine            = "mariadb"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds"
}

resource "aws_db_instance" "fail_aws_managed_alias_data_source" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = data.aws_kms_alias.rds.target_key_arn
}

resource "aws_db_instance" "fail_aws_managed_key_data_source" {
  engine            = "oracle-se2"
  instance_class    = "db.t3.small"
  storage_encrypted = true
  kms_key_id        = data.aws_kms_key.rds.arn
}

resource "aws_db_instance" "unknown_literal_key_arn" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_db_instance" "unknown_variable_without_default" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = var.key_arn_without_default
}

# A read replica is encrypted as its source is; one in another region names its own key.
resource "aws_db_instance" "pass_replica_of_a_cmk_source" {
  replicate_source_db = aws_db_instance.pass_key_resource.identifier
  instance_class      = "db.t3.micro"
}

resource "aws_db_instance" "fail_replica_of_an_aws_managed_source" {
  replicate_source_db = "fail-no-key"
  instance_class      = "db.t3.micro"
}

resource "aws_db_instance" "pass_cross_region_replica_with_a_cmk" {
  replicate_source_db = "arn:aws:rds:us-east-1:111122223333:db:primary"
  instance_class      = "db.t3.micro"
  kms_key_id          = aws_kms_key.app.arn
}

resource "aws_db_instance" "unknown_replica_of_a_source_outside_the_configuration" {
  replicate_source_db = "arn:aws:rds:us-east-1:111122223333:db:primary"
  instance_class      = "db.t3.micro"
}

# Restored, an instance is encrypted as its snapshot or source instance is.
resource "aws_db_instance" "unknown_restored_from_snapshot" {
  snapshot_identifier = "arn:aws:rds:eu-west-1:111122223333:snapshot:nightly"
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
}

resource "aws_db_instance" "unknown_restored_to_point_in_time" {
  instance_class = "db.t3.micro"
  restore_to_point_in_time {
    source_db_instance_identifier = "orders"
    use_latest_restorable_time    = true
  }
}
