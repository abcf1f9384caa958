using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Cli;

/// <summary>
/// What <c>--severity</c> and <c>--status</c> keep of a scan's findings in its reports. Only the reports: the store
/// keeps the whole scan and the exit code counts every finding, so a narrower view never hides a failure from CI.
/// </summary>
internal sealed record PrintFilter(Severity? MinSeverity, IReadOnlySet<ResultStatus>? Statuses)
{
    public static PrintFilter Everything { get; } = new(null, null);

    /// <summary>The report with only the findings kept; its summary then counts what is printed.</summary>
    public ScanReport Apply(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return MinSeverity is null && Statuses is null ? report : report with { Findings = [.. report.Findings.Where(Keeps)] };
    }

    private bool Keeps(Finding finding) =>
        (MinSeverity is not { } minimum || finding.Rule.Severity >= minimum) && (Statuses is null || Statuses.Contains(finding.Status));
}
