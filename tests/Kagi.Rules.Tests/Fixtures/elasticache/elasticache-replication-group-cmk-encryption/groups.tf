resource "aws_elasticache_replication_group" "pass_key_resource" {
  replication_group_id       = "pass-key-resource"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.app.arn
}

# Valkey is encrypted at rest by default; the key named is used.
resource "aws_elasticache_replication_group" "pass_valkey_default_with_key" {
  replication_group_id = "pass-valkey-default-with-key"
  description          = "sessions"
  engine               = "valkey"
  node_type            = "cache.t4g.micro"
  kms_key_id           = aws_kms_key.app.arn
}

resource "aws_elasticache_replication_group" "pass_hsm_key" {
  replication_group_id       = "pass-hsm-key"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = "true"
  kms_key_id                 = aws_kms_key.hsm.arn
}

resource "aws_elasticache_replication_group" "pass_customer_key_data_source" {
  replication_group_id       = "pass-customer-key-data-source"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  kms_key_id                 = data.aws_kms_key.team.arn
}

# The provider asks for redis when no engine is set, and Redis OSS is unencrypted at rest by default.
resource "aws_elasticache_replication_group" "fail_redis_default_unencrypted" {
  replication_group_id = "fail-redis-default-unencrypted"
  description          = "sessions"
  node_type            = "cache.t4g.micro"
}

# Encrypted by default, under ElastiCache's own (AWS-owned) key.
resource "aws_elasticache_replication_group" "fail_valkey_service_owned_key" {
  replication_group_id = "fail-valkey-service-owned-key"
  description          = "sessions"
  engine               = "valkey"
  node_type            = "cache.t4g.micro"
}

resource "aws_elasticache_replication_group" "fail_encrypted_without_key" {
  replication_group_id       = "fail-encrypted-without-key"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
}

resource "aws_elasticache_replication_group" "fail_encryption_off_with_key" {
  replication_group_id       = "fail-encryption-off-with-key"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = "false"
  kms_key_id                 = aws_kms_key.app.arn
}

resource "aws_elasticache_replication_group" "unknown_literal_key_arn" {
  replication_group_id       = "unknown-literal-key-arn"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  kms_key_id                 = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_elasticache_replication_group" "unknown_variable_without_default" {
  replication_group_id       = "unknown-variable-without-default"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  kms_key_id                 = var.key_without_default
}

resource "aws_elasticache_replication_group" "unknown_engine_from_variable" {
  replication_group_id = "unknown-engine-from-variable"
  description          = "sessions"
  engine               = var.engine_without_default
  node_type            = "cache.t4g.micro"
  kms_key_id           = aws_kms_key.app.arn
}

resource "aws_elasticache_replication_group" "unknown_global_datastore_member" {
  replication_group_id        = "unknown-global-datastore-member"
  description                 = "sessions (secondary region)"
  global_replication_group_id = "ldgnf-sessions"
}
