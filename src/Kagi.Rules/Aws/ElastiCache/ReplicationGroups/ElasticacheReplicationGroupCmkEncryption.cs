namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>The replication group's at-rest key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class ElasticacheReplicationGroupCmkEncryption : CmkEncryptionRule<ElastiCacheReplicationGroup>;
