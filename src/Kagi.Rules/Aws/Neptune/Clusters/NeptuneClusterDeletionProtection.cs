using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>Deletion protection is on; the Terraform provider's default is off.</summary>
public sealed class NeptuneClusterDeletionProtection : SettingRule<NeptuneCluster>
{
    protected override string EvidenceKey => "deletionProtection";

    protected override Fact<bool> Setting(NeptuneCluster cluster) => cluster.DeletionProtection;
}
