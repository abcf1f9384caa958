using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting.Keys;
using Kagi.Rules;
using Kagi.Store;

namespace Kagi.Cli;

/// <summary>The keys of a scan and what each protects: built from its inventory, kept in the findings store and read back.</summary>
internal static class ScanKeys
{
    private const string PolicyRule = "kms-key-policy-not-public";

    /// <summary>Every key of the inventory, with whether its policy is public as the policy rule judges it.</summary>
    public static IReadOnlyList<KeyRow> Of(Inventory inventory)
    {
        var policyRule = RuleCatalog.Find(PolicyRule)!.Rule;
        return KeyInventory.Build(inventory, key => PolicyPublic(policyRule, key));
    }

    public static ScanKey ToStored(KeyRow row) => new(
        row.Key,
        row.Account,
        row.Region,
        row.Level.IsKnown ? row.Level.Value.ToName() : null,
        row.State.IsKnown ? row.State.Value : null,
        row.DependentsByKind.ToDictionary(kind => kind.ResourceType, kind => kind.Count, StringComparer.Ordinal),
        KeyRowJson.ToJson(row));

    /// <summary>The keys of every scope's latest stored scan, as rows of the key inventory, ordered as one scan's are.</summary>
    public static IReadOnlyList<KeyRow> Latest(IFindingStore store) =>
        [.. store.LatestKeys()
            .Select(Read)
            .OrderByDescending(row => row.Dependents.Count)
            .ThenBy(row => row.Key, StringComparer.Ordinal)];

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
        !rule.AppliesTo(key) ? null : rule.Evaluate(key, ScanOptions.Default).Status switch
        {
            ResultStatus.Fail => true,
            ResultStatus.Pass => false,
            _ => null,
        };
}
