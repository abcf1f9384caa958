using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.ClusterSnapshots;

/// <summary>A cluster snapshot is encrypted; it is as encrypted as the cluster it was taken from.</summary>
public sealed class NeptuneSnapshotEncrypted : SettingRule<NeptuneClusterSnapshot>
{
    protected override string EvidenceKey => "storageEncrypted";

    protected override Fact<bool> Setting(NeptuneClusterSnapshot snapshot) => snapshot.StorageEncrypted;
}
