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
        var verdicts = report.Verdicts;
        return MinSeverity is null && Statuses is null ? report : report with { Findings = verdicts.Where(index => Keeps(verdicts, index)) };
    }

    private bool Keeps(VerdictSet verdicts, int index) =>
        (MinSeverity is not { } minimum || verdicts.RuleAt(index).Severity >= minimum) && (Statuses is null || Statuses.Contains(verdicts.StatusAt(index)));
}
