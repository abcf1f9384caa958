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
        var parts = new List<string>();
        Add(parts, language, "reports.key-summary-aws-managed", Stores(rows, level => level == KeyLevel.AwsManaged));
        Add(parts, language, "reports.key-summary-aws-owned", Stores(rows, level => level == KeyLevel.AwsOwned));
        Add(parts, language, "reports.key-summary-customer", customer.Sum(row => row.Dependents.Count));
        Add(parts, language, "reports.key-summary-unknown-level", rows.Where(row => !row.Level.IsKnown).Sum(row => row.Dependents.Count));
        if (pendingDeletion.Count > 0)
        {
            parts.Add(Texts.Get(language, "reports.key-summary-pending-deletion", ("keys", pendingDeletion.Count), ("stores", pendingDeletion.Sum(row => row.Dependents.Count))));
        }

        Add(parts, language, "reports.key-summary-unused", customer.Count(row => row.Dependents.Count == 0));
        var line = parts.Count > 0 ? string.Join(Texts.Get(language, "reports.key-summary-separator"), parts) : Texts.Get(language, "reports.key-summary-none", ("count", rows.Count));
        return Texts.Get(language, "reports.key-summary", ("summary", line));
    }

    private static int Stores(IReadOnlyList<KeyRow> rows, Func<KeyLevel, bool> level) =>
        rows.Where(row => row.Level.IsKnown && level(row.Level.Value)).Sum(row => row.Dependents.Count);

    private static void Add(List<string> parts, Language language, string text, int count)
    {
        if (count > 0)
        {
            parts.Add(Texts.Get(language, text, ("count", count)));
        }
    }
}
