using Kagi.Core.Collections;
using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// The orders reports list findings in. Each is a key per verdict — its rule's and status's place in a few bits, then
/// its resource's place (<see cref="VerdictSet.ResourceOrderAt"/>) — sorted by <see cref="ExternalSort"/>, so ordering
/// an organization's millions of verdicts reads each once and takes the memory of one account's. Equal ones keep the
/// scan's order, as a stable sort would.
/// </summary>
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

    /// <summary>The positions by rule ID, then resource: JUnit's suites and cases.</summary>
    public static IEnumerable<int> ByRuleThenResource(VerdictSet verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var ranks = RuleRanks(verdicts, rules => rules.Order(StringComparer.Ordinal));
        return ExternalSort.Positions(verdicts.Count, _ => true, index => Key((uint)ranks[verdicts.RuleAt(index).Id], RuleBits, verdicts.ResourceOrderAt(index)));
    }

    /// <summary>
    /// The positions by rule, most severe rule first, then the rules with the most urgent status, then by ID; within a
    /// rule by status rank (PASS last), then resource: the table's rules and rows.
    /// </summary>
    public static IEnumerable<int> ByRuleMostUrgentFirst(VerdictSet verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var urgency = new Dictionary<string, (Severity Severity, int Rank)>(StringComparer.Ordinal);
        for (var index = 0; index < verdicts.Count; index++)
        {
            var (rule, rank) = (verdicts.RuleAt(index), Rank(verdicts.StatusAt(index)));
            urgency[rule.Id] = urgency.TryGetValue(rule.Id, out var known) ? known with { Rank = Math.Min(known.Rank, rank) } : (rule.Severity, rank);
        }

        var ranks = RuleRanks(verdicts, rules => rules.OrderByDescending(rule => urgency[rule].Severity).ThenBy(rule => urgency[rule].Rank).ThenBy(rule => rule, StringComparer.Ordinal));
        return ExternalSort.Positions(
            verdicts.Count,
            _ => true,
            index => Key(((uint)ranks[verdicts.RuleAt(index).Id] << StatusBits) | (uint)Rank(verdicts.StatusAt(index)), RuleBits + StatusBits, verdicts.ResourceOrderAt(index)));
    }

    // By status rank, severity (highest first), rule ID and resource.
    private static IEnumerable<Finding> InOrder(VerdictSet verdicts, Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var ranks = RuleRanks(verdicts, rules => rules.Order(StringComparer.Ordinal));
        uint Head(int index)
        {
            var rule = verdicts.RuleAt(index);
            var severity = (uint)(Severity.Critical - rule.Severity);
            return ((((uint)Rank(verdicts.StatusAt(index)) << SeverityBits) | severity) << RuleBits) | (uint)ranks[rule.Id];
        }

        return ExternalSort.Positions(verdicts.Count, keep, index => Key(Head(index), StatusBits + SeverityBits + RuleBits, verdicts.ResourceOrderAt(index)))
            .Select(position => verdicts[position]);
    }

    private const int StatusBits = 3;
    private const int SeverityBits = 2;
    private const int RuleBits = 16;

    // The head's bits first, then the resource's place: the sort compares the top 96 bits, so a head takes at most 32.
    private static UInt128 Key(uint head, int headBits, long resourceOrder) =>
        ((UInt128)head << (128 - headBits)) | ((UInt128)(ulong)resourceOrder << (64 - headBits));

    // Each rule's place among the set's rules as ordered: a pass over the verdicts, a few hundred rules kept.
    private static Dictionary<string, int> RuleRanks(VerdictSet verdicts, Func<IEnumerable<string>, IEnumerable<string>> order)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < verdicts.Count; index++)
        {
            ids.Add(verdicts.RuleAt(index).Id);
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(ids.Count, 1 << RuleBits, nameof(verdicts));
        return order(ids).Select((id, rank) => (id, rank)).ToDictionary(rule => rule.id, rule => rule.rank, StringComparer.Ordinal);
    }
}
