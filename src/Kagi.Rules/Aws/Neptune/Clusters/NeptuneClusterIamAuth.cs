using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>IAM database authentication is on, so access to the graph is granted and revoked with IAM.</summary>
public sealed class NeptuneClusterIamAuth : SettingRule<NeptuneCluster>
{
    protected override string EvidenceKey => "iamDatabaseAuthentication";

    protected override Fact<bool> Setting(NeptuneCluster cluster) => cluster.IamDatabaseAuthentication;
}
