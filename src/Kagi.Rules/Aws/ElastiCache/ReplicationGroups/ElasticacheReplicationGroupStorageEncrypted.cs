namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>At-rest encryption is on; AWS's default is off for Redis OSS (on for Valkey), and it can only be chosen at creation.</summary>
public sealed class ElasticacheReplicationGroupStorageEncrypted : StorageEncryptedRule<ElastiCacheReplicationGroup>;
