using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>The replication group's at-rest key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class ElasticacheReplicationGroupCmkEncryption : CmkEncryptionRule<ElastiCacheReplicationGroup>, IFixBuilder
{
    private readonly ElastiCacheReplicationGroupRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix rebuilds the group: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(ElastiCacheReplicationGroup resource) => [ElastiCacheReplicationGroupRebuild.Evidence(resource)];
}
