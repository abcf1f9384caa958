using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>The order reports list findings in: what needs action first, then by rule and resource.</summary>
internal static class FindingOrder
{
    public static int Rank(ResultStatus status) => status switch
    {
        ResultStatus.Error => 0,
        ResultStatus.Fail => 1,
        ResultStatus.Unknown => 2,
        ResultStatus.Muted => 3,
        _ => 4,
    };

    /// <summary>Every finding in report order, each built as it is reached.</summary>
    public static IEnumerable<Finding> Sorted(VerdictSet verdicts) => InOrder(verdicts, _ => true);

    /// <summary>Everything but PASS: the results a person or a tool must look at.</summary>
    public static IEnumerable<Finding> NeedingAttention(VerdictSet verdicts) =>
        InOrder(verdicts, index => verdicts.StatusAt(index) != ResultStatus.Pass);

    /// <summary>
    /// The positions of the kept verdicts by status rank, severity (highest first), rule and resource; equal ones keep
    /// the scan's order, as a stable sort would.
    /// </summary>
    private static int[] Positions(VerdictSet verdicts, Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var positions = Enumerable.Range(0, verdicts.Count).Where(keep).ToArray();
        Array.Sort(positions, (left, right) =>
        {
            var order = Rank(verdicts.StatusAt(left)).CompareTo(Rank(verdicts.StatusAt(right)));
            order = order != 0 ? order : verdicts.RuleAt(right).Severity.CompareTo(verdicts.RuleAt(left).Severity);
            order = order != 0 ? order : string.CompareOrdinal(verdicts.RuleAt(left).Id, verdicts.RuleAt(right).Id);
            order = order != 0 ? order : verdicts.CompareResources(left, right);
            return order != 0 ? order : left.CompareTo(right);
        });
        return positions;
    }

    private static IEnumerable<Finding> InOrder(VerdictSet verdicts, Func<int, bool> keep) =>
        Positions(verdicts, keep).Select(position => verdicts[position]);
}
