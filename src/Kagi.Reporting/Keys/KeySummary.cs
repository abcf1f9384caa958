using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting.Keys;

/// <summary>
/// The key inventory in one line for the Markdown report: how much data sits on each level of key (the CMK migration
/// backlog first), the CMKs pending deletion that still protect data, and the CMKs that protect nothing.
/// </summary>
public static class KeySummary
{
    /// <summary>The line in plain text, each part left out when it counts nothing; null when the scan saw no key.</summary>
    public static string? Line(IReadOnlyList<KeyRow> rows, Language language)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return null;
        }

        var customer = rows.Where(row => row.Level is { IsKnown: true, Value: KeyLevel.Customer or KeyLevel.Hsm }).ToList();
        var pendingDeletion = customer.Where(row => row.State is { IsKnown: true, Value: "PendingDeletion" } && row.Dependents.Count > 0).ToList();
        var onCustomer = customer.Sum(row => row.Dependents.Count);
        var onUnknown = rows.Where(row => !row.Level.IsKnown).Sum(row => row.Dependents.Count);
        var unused = customer.Count(row => row.Dependents.Count == 0);
        var parts = new List<string>();
        Add(parts, Stores(rows, KeyLevel.AwsManaged), count => Texts.Get(language, "reports.key-summary-aws-managed", ("count", count)));
        Add(parts, Stores(rows, KeyLevel.AwsOwned), count => Texts.Get(language, "reports.key-summary-aws-owned", ("count", count)));
        Add(parts, onCustomer, count => Texts.Get(language, "reports.key-summary-customer", ("count", count)));
        Add(parts, onUnknown, count => Texts.Get(language, "reports.key-summary-unknown-level", ("count", count)));
        Add(parts, pendingDeletion.Count, count => Texts.Get(language, "reports.key-summary-pending-deletion", ("keys", count), ("stores", pendingDeletion.Sum(row => row.Dependents.Count))));
        Add(parts, unused, count => Texts.Get(language, "reports.key-summary-unused", ("count", count)));
        var line = parts.Count > 0 ? string.Join(Texts.Get(language, "reports.key-summary-separator"), parts) : Texts.Get(language, "reports.key-summary-none", ("count", rows.Count));
        return Texts.Get(language, "reports.key-summary", ("summary", line));
    }

    private static int Stores(IReadOnlyList<KeyRow> rows, KeyLevel level) =>
        rows.Where(row => row.Level is { IsKnown: true } known && known.Value == level).Sum(row => row.Dependents.Count);

    private static void Add(List<string> parts, int count, Func<int, string> text)
    {
        if (count > 0)
        {
            parts.Add(text(count));
        }
    }
}
