using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>Storage encryption is on; the Terraform provider's default is off.</summary>
public sealed class NeptuneClusterStorageEncrypted : StorageEncryptedRule<NeptuneCluster>, IFixBuilder
{
    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        NeptuneClusterFixBuilder.Build(medium, evidence, language);

    // The fix rebuilds the cluster: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(NeptuneCluster resource) => [NeptuneClusterRebuild.Evidence(resource)];
}
