variable "engine_without_default" {
  type = string
}

variable "at_rest_without_default" {
  type = bool
}

resource "aws_elasticache_replication_group" "pass_at_rest_on" {
  replication_group_id       = "pass-at-rest-on"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
}

# Valkey is encrypted at rest by default.
resource "aws_elasticache_replication_group" "pass_valkey_default" {
  replication_group_id = "pass-valkey-default"
  description          = "sessions"
  engine               = "valkey"
  node_type            = "cache.t4g.micro"
}

# The argument is a nullable boolean written as a string.
resource "aws_elasticache_replication_group" "pass_at_rest_on_as_string" {
  replication_group_id       = "pass-at-rest-on-as-string"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = "true"
}

# No engine: the provider asks for redis, which is unencrypted at rest by default.
resource "aws_elasticache_replication_group" "fail_redis_default" {
  replication_group_id = "fail-redis-default"
  description          = "sessions"
  node_type            = "cache.t4g.micro"
}

resource "aws_elasticache_replication_group" "fail_redis_empty_string_is_not_set" {
  replication_group_id       = "fail-redis-empty-string-is-not-set"
  description                = "sessions"
  engine                     = "redis"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = ""
}

resource "aws_elasticache_replication_group" "fail_valkey_turned_off" {
  replication_group_id       = "fail-valkey-turned-off"
  description                = "sessions"
  engine                     = "valkey"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = false
}

resource "aws_elasticache_replication_group" "unknown_engine_from_variable" {
  replication_group_id = "unknown-engine-from-variable"
  description          = "sessions"
  engine               = var.engine_without_default
  node_type            = "cache.t4g.micro"
}

resource "aws_elasticache_replication_group" "unknown_at_rest_from_variable" {
  replication_group_id       = "unknown-at-rest-from-variable"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = var.at_rest_without_default
}

resource "aws_elasticache_replication_group" "unknown_global_datastore_member" {
  replication_group_id        = "unknown-global-datastore-member"
  description                 = "sessions (secondary region)"
  global_replication_group_id = "ldgnf-sessions"
}
