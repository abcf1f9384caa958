using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting.Keys;
using Kagi.Rules;
using Kagi.Store;

namespace Kagi.Web;

/// <summary>
/// The keys of a scan and what each protects: built from its inventory, kept in the findings store with the scan and read
/// back for <c>kagi keys --store</c> and the dashboard's Keys pages.
/// </summary>
public static class StoredKeys
{
    private const string PolicyRule = "kms-key-policy-not-public";

    /// <summary>Every key of the inventory, with whether its policy is public as the policy rule judges it.</summary>
    public static IReadOnlyList<KeyRow> Of(Inventory inventory)
    {
        var policyRule = RuleCatalog.Find(PolicyRule)!.Rule;
        return KeyInventory.Build(inventory, key => PolicyPublic(policyRule, key));
    }

    public static ScanKey ToStored(KeyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(
            row.Key,
            row.Account,
            row.Region,
            row.Level.IsKnown ? row.Level.Value.ToName() : null,
            row.State.IsKnown ? row.State.Value : null,
            row.DependentsByKind.ToDictionary(kind => kind.ResourceType, kind => kind.Count, StringComparer.Ordinal),
            KeyRowJson.ToJson(row));
    }

    /// <summary>The keys of every scope's latest stored scan, ordered as one scan's are.</summary>
    /// <exception cref="StoreException">A stored row cannot be read.</exception>
    public static IReadOnlyList<(StoredScanKey Stored, KeyRow Row)> Latest(IFindingStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return [.. store.LatestKeys()
            .Select(stored => (stored, Read(stored)))
            .OrderByDescending(pair => pair.Item2.Dependents.Count)
            .ThenBy(pair => pair.Item2.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.stored.ScanId)];
    }

    private static KeyRow Read(StoredScanKey stored)
    {
        try
        {
            return KeyRowJson.FromJson(stored.Key.Detail);
        }
        catch (InvalidDataException exception)
        {
            throw new StoreException($"the key {stored.Key.Key} of scan #{stored.ScanId} is unreadable in the store: {exception.Message}", exception);
        }
    }

    private static bool? PolicyPublic(IRule rule, KmsKey key) =>
        rule.AppliesTo(key) ? KeyInventory.PolicyPublic(rule.Evaluate(key, ScanOptions.Default).Status) : null;
}
