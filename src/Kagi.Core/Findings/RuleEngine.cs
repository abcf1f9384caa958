using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>A rule together with the metadata it was loaded with.</summary>
public sealed record CatalogEntry(IRule Rule, RuleMetadata Metadata);

/// <summary>Runs every selected rule over every resource it applies to.</summary>
public static class RuleEngine
{
    /// <summary>
    /// The verdicts in catalogue order, then inventory order. Only each verdict's status is kept: its finding is judged
    /// again when a writer asks for it (rules are pure, and one rule on one resource is cheap), so a scan holds a few
    /// bytes per verdict rather than every finding's texts and evidence.
    /// </summary>
    public static IReadOnlyList<Finding> Run(Inventory inventory, IEnumerable<CatalogEntry> catalog, ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);

        // A key is judged by what it protects, which only the whole inventory tells.
        inventory = KeyDependents.Attach(inventory);
        var verdicts = new JudgedVerdicts(inventory, options);
        foreach (var entry in catalog.Where(entry => options.Selects(entry.Metadata.Id)))
        {
            verdicts.Judge(entry);
        }

        return verdicts;
    }

    /// <summary>One rule's result on one resource, its own failure an ERROR, with the in-code mute of it if any.</summary>
    internal static (RuleResult Result, Suppression? Mute) Judge(CatalogEntry entry, CloudResource resource, ScanOptions options) =>
        (EvaluateSafely(entry.Rule, resource, options), resource.Suppressions.FirstOrDefault(s => s.RuleId == entry.Metadata.Id && s.Reason is not null));

    // One broken rule must not hide the verdicts of the others: its failure becomes an ERROR result.
    private static RuleResult EvaluateSafely(IRule rule, CloudResource resource, ScanOptions options)
    {
        try
        {
            return rule.Evaluate(resource, options);
        }
#pragma warning disable CA1031 // Any exception from a rule is reported as that rule's ERROR, never lost.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return RuleResult.Error($"rule {rule.Id} failed on {resource.Id}: {exception.Message}");
        }
    }
}
