using Kagi.Core.Model;

namespace Kagi.Core.Rules;

/// <summary>The settings a scan's rules are judged by.</summary>
public sealed record ScanOptions
{
    public static ScanOptions Default { get; } = new();

    /// <summary>The lowest key level that passes; the seed article's bar is "a CMK or higher".</summary>
    public KeyLevel MinKeyLevel { get; init; } = KeyLevel.Customer;

    /// <summary>The fewest days automated backups must be kept; Security Hub's Neptune.5 asks for 7.</summary>
    public int MinBackupRetentionDays { get; init; } = 7;

    /// <summary>When not empty, only these rule IDs run.</summary>
    public IReadOnlySet<string> Rules { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> SkipRules { get; init; } = new HashSet<string>();

    /// <summary>Which resources are judged, by their tags; by default every one.</summary>
    public TagFilter Tags { get; init; } = TagFilter.None;

    public bool Selects(string ruleId) =>
        (Rules.Count == 0 || Rules.Contains(ruleId)) && !SkipRules.Contains(ruleId);
}
