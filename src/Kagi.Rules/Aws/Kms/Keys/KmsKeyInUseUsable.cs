using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>
/// A customer key that protects data is usable: a disabled key, one pending deletion or import, or one in a disconnected
/// key store leaves every data store under it unreadable. Judged on the key from its dependents across all kinds;
/// AWS-managed keys cannot be disabled or deleted, and a key protecting nothing scanned is kms-key-unused's subject.
/// </summary>
public sealed class KmsKeyInUseUsable : Rule<KmsKey>
{
    private const string Enabled = "Enabled";

    protected override bool Judges(KmsKey key) =>
        key.Manager is not { IsKnown: true, Value: KeyManager.Aws } && key.Dependents is not { IsKnown: true, Value.Count: 0 };

    protected override RuleResult Evaluate(KmsKey key, ScanOptions options)
    {
        if (!key.Dependents.IsKnown)
        {
            return Unknown(key.Dependents.Reason!);
        }

        var dependents = DependentEvidence.Of(key);
        return key.State switch
        {
            { IsKnown: false } state => Unknown(state.Reason!, dependents),
            { Value: Enabled } => Pass([("keyState", Enabled), .. dependents]),
            { Value: var state } => Result(
                ResultStatus.Fail,
                state is "PendingDeletion" or "PendingReplicaDeletion" ? "failPendingDeletion" : "fail",
                [("keyState", state), ("deletionDate", key.DeletionDate is { IsKnown: true } date ? date.Value : null), .. dependents],
                Variant(state)),
        };
    }

    private static string? Variant(string state) => state switch
    {
        "PendingDeletion" or "PendingReplicaDeletion" => "pendingDeletion",
        "Unavailable" => "unavailable",
        "PendingImport" => "pendingImport",
        _ => null,
    };
}

/// <summary>The evidence that names what a key protects: how many, of which kinds, and the key to act on.</summary>
internal static class DependentEvidence
{
    public static (string Key, string? Value)[] Of(KmsKey key)
    {
        var dependents = key.Dependents.IsKnown ? key.Dependents.Value : [];
        var kinds = dependents.GroupBy(dependent => dependent.ResourceType, StringComparer.Ordinal)
            .OrderBy(kind => kind.Key, StringComparer.Ordinal)
            .Select(kind => $"{kind.Count()} {kind.Key}");
        return
        [
            ("dependentCount", dependents.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("dependentKinds", string.Join(", ", kinds)),
            ("keyId", key.Arn is { IsKnown: true } arn ? arn.Value : key.Id),
        ];
    }
}
