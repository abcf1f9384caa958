using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Reporting.Keys;

/// <summary>The key inventory of the scan a report describes, for the HTML Keys section and the Markdown key summary.</summary>
internal static class ReportKeys
{
    private const string PolicyRule = "kms-key-policy-not-public";

    /// <summary>
    /// Every key of the report's inventory with what it protects; a key's public policy is the verdict of
    /// <c>kms-key-policy-not-public</c> among the report's findings (a muted failure is still public), unknown where the
    /// report holds none. No rows when the report carries no inventory.
    /// </summary>
    public static IReadOnlyList<KeyRow> Of(ScanReport report)
    {
        if (report.Inventory is not { } inventory)
        {
            return [];
        }

        var all = report.Verdicts;
        var verdicts = new Dictionary<string, ResultStatus>(StringComparer.Ordinal);
        for (var index = 0; index < all.Count; index++)
        {
            if (all.RuleAt(index).Id == PolicyRule)
            {
                verdicts.TryAdd(all.ResourceAt(index).Id, all.StatusAt(index));
            }
        }

        return KeyInventory.Build(inventory, key => verdicts.TryGetValue(key.Id, out var status) ? KeyInventory.PolicyPublic(status) : null);
    }
}
