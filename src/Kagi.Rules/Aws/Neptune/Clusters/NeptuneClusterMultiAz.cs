using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>The cluster's instances sit in more than one Availability Zone, so a zone failure leaves a reader to fail over to.</summary>
public sealed class NeptuneClusterMultiAz : SettingRule<NeptuneCluster>
{
    protected override string EvidenceKey => "multiAz";

    protected override Fact<bool> Setting(NeptuneCluster cluster) => cluster.MultiAz;
}
