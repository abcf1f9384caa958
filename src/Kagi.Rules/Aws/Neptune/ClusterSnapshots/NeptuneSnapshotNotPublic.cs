using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune.ClusterSnapshots;

/// <summary>No manual cluster snapshot may be restored by every AWS account; automated snapshots cannot be shared, so they get no finding.</summary>
public sealed class NeptuneSnapshotNotPublic : Rule<NeptuneClusterSnapshot>
{
    protected override bool Judges(NeptuneClusterSnapshot snapshot) => snapshot.IsManual is not { IsKnown: true, Value: false };

    protected override RuleResult Evaluate(NeptuneClusterSnapshot snapshot, ScanOptions options) =>
        snapshot.SharedWithAll switch
        {
            { IsKnown: false } shared => Unknown(shared.Reason!),
            { Value: true } => Fail(("restore", "all")),
            _ => Pass(("restore", "-")),
        };
}
