using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>The cluster's storage key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class NeptuneClusterCmkEncryption : CmkEncryptionRule<NeptuneCluster>, IFixBuilder
{
    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        NeptuneClusterFixBuilder.Build(medium, evidence, language);

    // The fix rebuilds the cluster: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(NeptuneCluster resource) => [NeptuneClusterRebuild.Evidence(resource)];
}
