using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting.Keys;

/// <summary>
/// One key and what it protects: a KMS key of the inventory, or a key the data stores name without the scan having
/// described it (an AWS-managed key by alias, a service's default key, AWS-owned keys, a key only KMS could tell).
/// </summary>
/// <param name="Key">How the key is known: its ARN, its Terraform address, an alias name, or a label for AWS-owned keys.</param>
/// <param name="PolicyPublic">Whether the key policy lets anyone use the key; null where it was not read or does not apply.</param>
public sealed record KeyRow(
    string Key,
    Fact<IReadOnlyList<string>> Aliases,
    string? Account,
    string? Region,
    Fact<KeyLevel> Level,
    Fact<string> Origin,
    Fact<string> State,
    Fact<string?> DeletionDate,
    Fact<bool> RotationEnabled,
    bool? PolicyPublic,
    Fact<bool> MultiRegion,
    IReadOnlyList<KeyDependent> Dependents)
{
    /// <summary>The dependents counted by kind, in kind order: <c>3 AWS::RDS::DBInstance, 1 AWS::SQS::Queue</c>.</summary>
    public IReadOnlyList<(string ResourceType, int Count)> DependentsByKind =>
        [.. Dependents.GroupBy(dependent => dependent.ResourceType, StringComparer.Ordinal)
            .OrderBy(kind => kind.Key, StringComparer.Ordinal)
            .Select(kind => (kind.Key, kind.Count()))];

    /// <summary>The dependents in the order every view lists them: by resource type, then ID.</summary>
    public IEnumerable<KeyDependent> SortedDependents =>
        Dependents.OrderBy(dependent => dependent.ResourceType, StringComparer.Ordinal).ThenBy(dependent => dependent.Id, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> names this key: its ARN or address, its key ID, or one of its aliases.</summary>
    public bool IsNamed(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Equals(Key, name, StringComparison.Ordinal)
            || Key.EndsWith("/" + name, StringComparison.Ordinal)
            || (Aliases.IsKnown && Aliases.Value.Contains(name, StringComparer.Ordinal));
    }
}

/// <summary>Builds the key inventory of one scan: every key, each with its dependents.</summary>
public static class KeyInventory
{
    /// <summary>A verdict of kms-key-policy-not-public as whether the key's policy is public (a muted failure still is); null when not judged.</summary>
    public static bool? PolicyPublic(ResultStatus status) => status switch
    {
        ResultStatus.Fail or ResultStatus.Muted => true,
        ResultStatus.Pass => false,
        _ => null,
    };

    /// <param name="policyPublic">Whether a key's policy is public (the kms-key-policy-not-public verdict); null when unknown.</param>
    public static IReadOnlyList<KeyRow> Build(Inventory inventory, Func<KmsKey, bool?> policyPublic)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(policyPublic);
        var joined = KeyDependents.Attach(inventory);
        var described = joined.Resources.OfType<KmsKey>().Select(key => FromKey(key, policyPublic(key)));
        var named = joined.Resources
            .Where(KeyDependents.ProtectedByNamedKey)
            .Select(resource => (Named: Named(resource, ((IKeyProtected)resource).Key), Resource: resource))
            .GroupBy(pair => (pair.Named.Name, pair.Named.Account, pair.Named.Region))
            .Select(group => FromNamed(group.First().Named, [.. group.Select(pair => pair.Resource)]));
        return [.. described.Concat(named)
            .OrderByDescending(row => row.Dependents.Count)
            .ThenBy(row => row.Key, StringComparer.Ordinal)];
    }

    private static KeyRow FromKey(KmsKey key, bool? policyPublic) => new(
        key.Arn is { IsKnown: true } arn ? arn.Value : key.Id,
        key.Aliases,
        key.Account,
        key.Region,
        KeyLevelClassifier.Classify(new KeyReference.Described(key)),
        key.Origin,
        key.State,
        key.DeletionDate,
        key.RotationEnabled,
        policyPublic,
        key.MultiRegion,
        key.Dependents.IsKnown ? key.Dependents.Value : []);

    // A key named but not described is known only by that name, per account and region; AWS-owned keys are AWS's, one row per service.
    private static NamedKey Named(CloudResource resource, KeyReference key) => key switch
    {
        KeyReference.ServiceDefault => new(resource.Kind.AwsManagedKeyAlias, resource.Account, resource.Region, Fact.Known(KeyLevel.AwsManaged)),
        KeyReference.Alias alias => new(alias.Name, resource.Account, resource.Region, KeyLevelClassifier.Classify(alias)),
        KeyReference.AwsOwned => new(Texts.Canonical("reasons.aws-owned-keys-label", ("service", resource.Kind.Service)), null, null, Fact.Known(KeyLevel.AwsOwned)),
        KeyReference.KeyIdentifier id => new(id.Value, resource.Account, resource.Region, KeyLevelClassifier.Classify(id)),
        _ => new(Texts.Canonical("reasons.undetermined-keys-label"), null, null, KeyLevelClassifier.Classify(key)),
    };

    private static KeyRow FromNamed(NamedKey key, IReadOnlyList<CloudResource> dependents)
    {
        var notDescribed = Texts.Canonical("reasons.key-not-described");
        return new(
            key.Name,
            key.Name.StartsWith("alias/", StringComparison.Ordinal) ? Fact.Known<IReadOnlyList<string>>([key.Name]) : Fact.Unknown<IReadOnlyList<string>>(notDescribed),
            key.Account,
            key.Region,
            key.Level,
            Fact.Unknown<string>(notDescribed),

            // No one can disable, delete or stop the rotation of an AWS-managed or AWS-owned key.
            key.Level is { IsKnown: true, Value: KeyLevel.AwsManaged or KeyLevel.AwsOwned } ? Fact.Known("Enabled") : Fact.Unknown<string>(notDescribed),
            key.Level is { IsKnown: true, Value: KeyLevel.AwsManaged or KeyLevel.AwsOwned } ? Fact.Known<string?>(null) : Fact.Unknown<string?>(notDescribed),
            key.Level is { IsKnown: true, Value: KeyLevel.AwsManaged } ? Fact.Known(true) : Fact.Unknown<bool>(notDescribed),
            null,
            Fact.Unknown<bool>(notDescribed),
            [.. dependents.Select(resource => new KeyDependent(resource.Type, resource.Id, resource.Name.IsKnown ? resource.Name.Value : null))]);
    }

    private sealed record NamedKey(string Name, string? Account, string? Region, Fact<KeyLevel> Level);
}
