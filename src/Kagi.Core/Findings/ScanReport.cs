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

    /// <summary>The verdicts as findings, each built when it is read (see <see cref="Verdicts"/>).</summary>
    public required IReadOnlyList<Finding> Findings { get => Verdicts; init => Verdicts = VerdictSet.Of(value); }

    /// <summary>The verdicts by position: what sorting, counting and filtering read without building findings.</summary>
    public VerdictSet Verdicts { get; private init; } = null!;

    public required IReadOnlyList<ScanDiagnostic> Diagnostics { get; init; }

    public required ScanOptions Options { get; init; }

    public Language Language { get; init; } = Language.En;

    /// <summary>
    /// The resources the scan judged, for reports that describe more than findings (the keys and what each protects);
    /// null when the report was not built from an inventory.
    /// </summary>
    public Inventory? Inventory { get; init; }

    public int Count(ResultStatus status) => Verdicts.CountOf(status);
}
