using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>The cluster copies its tags to its snapshots, so tag-based access control and ownership follow the data.</summary>
public sealed class NeptuneClusterCopyTagsToSnapshot : SettingRule<NeptuneCluster>
{
    protected override string EvidenceKey => "copyTagsToSnapshot";

    protected override Fact<bool> Setting(NeptuneCluster cluster) => cluster.CopyTagsToSnapshot;
}
