using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Mapping;

/// <summary>
/// Joins a resource's key argument to the key it names: the KMS key records of the same configuration, the
/// aliases and data sources that point at keys, or the identifier as written. Rules never see this join.
/// </summary>
internal sealed class KeyResolver(IReadOnlyDictionary<string, KmsKey> keys, ResourceIndex index)
{
    // An alias's target may be another reference; a few hops are plenty and stop any loop.
    private const int MaxHops = 4;

    /// <summary>The key that a resource's key argument names.</summary>
    public KeyReference Resolve(IResourceView view, string attribute)
    {
        var reference = Resolve(view.Get(attribute), attribute, view.Describe(attribute), 0);

        // A plan may already show the key ARN a data source or an existing key gave; its configuration still says which key that is.
        return reference is KeyReference.KeyIdentifier
            && view.Origin(attribute) is { } origin
            && FromOrigin(origin, 0) is { } named and not KeyReference.Undetermined
            ? named
            : reference;
    }

    private KeyReference Resolve(TfValue value, string attribute, string written, int hops) => value switch
    {
        TfNull or TfString { Value: "" } => new KeyReference.ServiceDefault(),
        TfString identifier => KeyLevelClassifier.FromIdentifier(identifier.Value),
        TfUnknown { Branches: { Count: > 0 } branches } => FromBranches(branches, attribute, written, hops),
        TfUnknown { Origin: { } origin } => FromOrigin(origin, hops)
            ?? new KeyReference.Undetermined(Texts.Canonical("reasons.key-computed-at-apply", ("attribute", attribute), ("written", written))),
        TfUnknown unknown => new KeyReference.Undetermined(Texts.Canonical("reasons.key-after-apply", ("attribute", attribute), ("written", written), ("reason", unknown.Reason))),
        _ => new KeyReference.Undetermined(Texts.Canonical("reasons.attribute-not-key", ("attribute", attribute), ("type", value.TypeName))),
    };

    private KeyReference? FromOrigin(ValueOrigin origin, int hops)
    {
        if (hops > MaxHops)
        {
            return null;
        }

        if (FindKey(origin.Address) is { } key)
        {
            return new KeyReference.Described(key);
        }

        var source = index.Find(origin.Address) ?? index.Find(WithoutInstanceKey(origin.Address));
        var isData = origin.Address.StartsWith("data.", StringComparison.Ordinal) || origin.Address.Contains(".data.", StringComparison.Ordinal);
        return (source?.Type, isData) switch
        {
            ("aws_kms_alias", false) => FromAliasResource(source!, hops),
            ("aws_kms_alias", true) => Lookup(source!, "name") ?? new KeyReference.Undetermined(Texts.Canonical("reasons.alias-lookup-after-apply", Looked(source!, "name"))),
            ("aws_kms_key", true) => Lookup(source!, "key_id") ?? new KeyReference.Undetermined(Texts.Canonical("reasons.key-lookup-after-apply", Looked(source!, "key_id"))),
            _ => null,
        };
    }

    // A condition known only after apply picks one of several keys: if they all protect at the same level, so does
    // the result; otherwise the level depends on the condition and the reason shows each possibility.
    private KeyReference FromBranches(IReadOnlyList<TfValue> branches, string attribute, string written, int hops)
    {
        var references = branches.Select(branch => Resolve(branch, attribute, written, hops + 1)).ToList();
        var levels = references.Select(KeyLevelClassifier.Classify).ToList();
        return levels.All(l => l.IsKnown) && levels.Select(l => l.Value).Distinct().Count() == 1
            ? references[0]
            : new KeyReference.Undetermined(Texts.Canonical(
                "reasons.key-chosen-after-apply",
                ("attribute", attribute),
                ("written", written),
                ("levels", string.Join(" / ", levels.Select(l => l.IsKnown ? l.Value.ToName() : "?")))));
    }

    private KmsKey? FindKey(string address) =>
        keys.TryGetValue(address, out var key) || keys.TryGetValue(WithoutInstanceKey(address), out key) ? key : null;

    // An AWS-managed alias is recognised by its name; any other alias is followed to the key it targets.
    private KeyReference? FromAliasResource(IResourceView alias, int hops)
    {
        var name = alias.Get("name") as TfString;
        if (name is not null && KeyLevelClassifier.IsAwsManagedAlias(name.Value))
        {
            return new KeyReference.Alias(name.Value);
        }

        var target = Resolve(alias.Get("target_key_id"), "target_key_id", alias.Describe("target_key_id"), hops + 1);
        return target is KeyReference.Described || name is null ? target : new KeyReference.Alias(name.Value);
    }

    // What a data source looks up, when its argument is known before apply.
    private static KeyReference? Lookup(IResourceView data, string argument) =>
        data.Get(argument) is TfString { Value.Length: > 0 } identifier ? KeyLevelClassifier.FromIdentifier(identifier.Value) : null;

    // The arguments of the reason a lookup cannot be told: the data source, and its argument as written.
    private static (string Name, object? Value)[] Looked(IResourceView data, string argument) =>
        [("address", data.Address), ("argument", argument), ("written", data.Describe(argument))];

    // aws_kms_key.k[0] → aws_kms_key.k
    private static string WithoutInstanceKey(string address) =>
        address.EndsWith(']') && address.LastIndexOf('[') is var open and > 0 ? address[..open] : address;
}
