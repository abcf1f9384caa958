using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Cli;

/// <summary>The exit codes of docs/contract.md: scripts branch on them.</summary>
public static class ExitCodes
{
    public const int Clean = 0;
    public const int Failing = 1;
    public const int BadInput = 2;

    /// <summary>
    /// Bad input wins, because a file that did not parse may hide failures; then failing results at or above
    /// <paramref name="failOn"/>; ERROR results count as failing unless the user allowed an incomplete scan.
    /// </summary>
    public static int For(ScanReport report, Severity failOn, bool allowIncomplete)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Diagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            return BadInput;
        }

        var verdicts = report.Verdicts;
        var failing = Enumerable.Range(0, verdicts.Count).Any(index =>
            (verdicts.StatusAt(index) == ResultStatus.Fail && verdicts.RuleAt(index).Severity >= failOn)
            || (verdicts.StatusAt(index) == ResultStatus.Error && !allowIncomplete));
        return failing ? Failing : Clean;
    }
}
