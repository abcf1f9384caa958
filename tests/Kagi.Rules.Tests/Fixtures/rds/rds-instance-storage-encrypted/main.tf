variable "encrypted_without_default" {
  type = bool
}

resource "aws_db_instance" "pass_encrypted" {
  identifier        = "pass-encrypted"
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
}

resource "aws_db_instance" "pass_encrypted_with_a_key" {
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_db_instance" "fail_attribute_absent" {
  identifier     = "fail-attribute-absent"
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

resource "aws_db_instance" "fail_explicitly_false" {
  engine            = "sqlserver-ex"
  instance_class    = "db.t3.small"
  storage_encrypted = false
}

resource "aws_db_instance" "unknown_variable_without_default" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = var.encrypted_without_default
}

# A read replica is encrypted exactly when its source is, whatever it says itself.
resource "aws_db_instance" "pass_replica_of_an_encrypted_source" {
  replicate_source_db = aws_db_instance.pass_encrypted.identifier
  instance_class      = "db.t3.micro"
}

resource "aws_db_instance" "fail_replica_of_an_unencrypted_source" {
  replicate_source_db = aws_db_instance.fail_attribute_absent.id
  instance_class      = "db.t3.micro"
  storage_encrypted   = true
}

resource "aws_db_instance" "unknown_replica_of_a_source_outside_the_configuration" {
  replicate_source_db = "legacy-primary"
  instance_class      = "db.t3.micro"
}

resource "aws_db_instance" "unknown_restored_from_snapshot" {
  snapshot_identifier = "nightly"
  instance_class      = "db.t3.micro"
}
