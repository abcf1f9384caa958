using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Core.Findings;

/// <summary>A rule together with the metadata it was loaded with.</summary>
public sealed record CatalogEntry(IRule Rule, RuleMetadata Metadata);

/// <summary>Runs every selected rule over every resource it applies to.</summary>
public static class RuleEngine
{
    public static IReadOnlyList<Finding> Run(Inventory inventory, IEnumerable<CatalogEntry> catalog, ScanOptions options)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);

        // A key is judged by what it protects, which only the whole inventory tells.
        inventory = KeyDependents.Attach(inventory);
        var findings = new List<Finding>();
        foreach (var entry in catalog.Where(entry => options.Selects(entry.Metadata.Id)))
        {
            foreach (var resource in inventory.Resources.Where(entry.Rule.AppliesTo))
            {
                var result = EvaluateSafely(entry.Rule, resource, options);
                var mute = resource.Suppressions.FirstOrDefault(s => s.RuleId == entry.Metadata.Id && s.Reason is not null);
                findings.Add(new Finding(entry.Metadata, resource, result, mute));
            }

            foreach (var scope in inventory.Unscanned.Where(scope => scope.ResourceType == entry.Metadata.ResourceType))
            {
                findings.Add(new Finding(entry.Metadata, UnscannedResource.For(scope), RuleResult.Error(scope.Describe())));
            }
        }

        return findings;
    }

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
