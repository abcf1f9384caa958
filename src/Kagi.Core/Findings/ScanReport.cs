using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>Where a scan's resources came from.</summary>
public enum ScanSource
{
    Iac,
    Aws,
    Inventory,
}

/// <summary>Everything one scan produced, ready for a report writer.</summary>
public sealed record ScanReport
{
    public required ScanSource Source { get; init; }

    /// <summary>What was scanned: paths, or account and regions.</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required IReadOnlyList<ScanDiagnostic> Diagnostics { get; init; }

    public required ScanOptions Options { get; init; }

    public Language Language { get; init; } = Language.En;

    public int Count(ResultStatus status) => Findings.Count(finding => finding.Status == status);
}
