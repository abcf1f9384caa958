using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Rules;

namespace Kagi.Cli;

/// <summary>Judges an inventory from any source with the shipped rules, the same way for every <c>kagi scan</c> command.</summary>
internal static class ScanReports
{
    public static ScanReport Judge(ScanSource source, IReadOnlyList<string> targets, Inventory inventory, ScanSettings settings, DateTimeOffset startedAt, TimeProvider time)
    {
        // Only the resources --tag and --exclude-tag select are judged; a saved inventory keeps them all.
        var judged = settings.Options.Tags.Apply(inventory);
        return new()
        {
            Source = source,
            Targets = targets,
            StartedAt = startedAt,
            Findings = RuleEngine.Run(judged, RuleCatalog.All, settings.Options),
            Diagnostics = judged.Diagnostics,
            FinishedAt = time.GetUtcNow(),
            Options = settings.Options,
            Language = settings.Language,
            Inventory = judged,
        };
    }

    /// <summary>
    /// The report of an organization judged account by account: its verdicts, and its <paramref name="summary"/> (keys,
    /// unread scopes, diagnostics) as the inventory the report describes.
    /// </summary>
    public static ScanReport Of(ScanSource source, IReadOnlyList<string> targets, OrganizationVerdicts verdicts, Inventory summary, ScanSettings settings, DateTimeOffset startedAt, TimeProvider time) => new()
    {
        Source = source,
        Targets = targets,
        StartedAt = startedAt,
        Findings = verdicts,
        Diagnostics = summary.Diagnostics,
        FinishedAt = time.GetUtcNow(),
        Options = settings.Options,
        Language = settings.Language,
        Inventory = summary,
    };
}
