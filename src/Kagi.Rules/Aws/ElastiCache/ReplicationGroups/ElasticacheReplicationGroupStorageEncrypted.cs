using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>At-rest encryption is on; AWS's default is off for Redis OSS (on for Valkey), and it can only be chosen at creation.</summary>
public sealed class ElasticacheReplicationGroupStorageEncrypted : StorageEncryptedRule<ElastiCacheReplicationGroup>, IFixBuilder
{
    private readonly ElastiCacheReplicationGroupRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix rebuilds the group: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(ElastiCacheReplicationGroup resource) => [ElastiCacheReplicationGroupRebuild.Evidence(resource)];
}
