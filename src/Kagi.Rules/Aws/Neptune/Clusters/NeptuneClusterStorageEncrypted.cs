using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>Storage encryption is on; the Terraform provider's default is off.</summary>
public sealed class NeptuneClusterStorageEncrypted : SettingRule<NeptuneCluster>
{
    protected override string EvidenceKey => "storageEncrypted";

    protected override Fact<bool> Setting(NeptuneCluster cluster) => cluster.StorageEncrypted;
}
