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

    public static IEnumerable<Finding> Sorted(IEnumerable<Finding> findings) =>
        findings
            .OrderBy(finding => Rank(finding.Status))
            .ThenByDescending(finding => finding.Severity)
            .ThenBy(finding => finding.Rule.Id, StringComparer.Ordinal)
            .ThenBy(finding => finding.Resource.Id, StringComparer.Ordinal);

    /// <summary>Everything but PASS: the results a person or a tool must look at.</summary>
    public static IEnumerable<Finding> NeedingAttention(IEnumerable<Finding> findings) =>
        Sorted(findings.Where(finding => finding.Status != ResultStatus.Pass));
}
