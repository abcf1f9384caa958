# ElastiCache: a Valkey replication group once on the AWS default and once on a customer-managed key.
# Valkey is encrypted at rest by default, under a key ElastiCache owns (there is no aws/elasticache key).
# Expected: elasticache-replication-group-storage-encrypted PASS for both; elasticache-replication-group-cmk-encryption
# FAIL (aws-owned) for sessions_default, PASS (customer) for sessions_cmk.

resource "aws_kms_key" "elasticache_data" {
  description         = "customer-managed key for the ElastiCache example"
  enable_key_rotation = true
}

resource "aws_elasticache_replication_group" "sessions_default" {
  replication_group_id = "sessions-default"
  description          = "sessions on ElastiCache's default key"
  engine               = "valkey"
  node_type            = "cache.t4g.micro"
  num_cache_clusters   = 1 # no at_rest_encryption_enabled: Valkey encrypts at rest by default
}

resource "aws_elasticache_replication_group" "sessions_cmk" {
  replication_group_id       = "sessions-cmk"
  description                = "sessions on a customer-managed key"
  engine                     = "valkey"
  node_type                  = "cache.t4g.micro"
  num_cache_clusters         = 1
  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.elasticache_data.arn
}
