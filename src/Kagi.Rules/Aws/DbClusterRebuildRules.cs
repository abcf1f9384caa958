using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws;

/// <summary>The CMK rule of a DB cluster kind: its fix rebuilds the cluster, carrying what the scan read of it.</summary>
public abstract class DbClusterCmkEncryptionRule<TCluster>(DbClusterEngine engine) : CmkEncryptionRule<TCluster>, IFixBuilder
    where TCluster : CloudResource, IDbCluster
{
    private readonly DbClusterFixBuilder _fix = new(engine);

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    protected override IEnumerable<(string Key, string? Value)> FixEvidence(TCluster resource) => [DbClusterRebuild.Evidence(resource, engine)];
}

/// <summary>The storage-encryption rule of a DB cluster kind: its fix rebuilds the cluster, carrying what the scan read of it.</summary>
public abstract class DbClusterStorageEncryptedRule<TCluster>(DbClusterEngine engine) : StorageEncryptedRule<TCluster>, IFixBuilder
    where TCluster : CloudResource, IDbCluster
{
    private readonly DbClusterFixBuilder _fix = new(engine);

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    protected override IEnumerable<(string Key, string? Value)> FixEvidence(TCluster resource) => [DbClusterRebuild.Evidence(resource, engine)];
}
