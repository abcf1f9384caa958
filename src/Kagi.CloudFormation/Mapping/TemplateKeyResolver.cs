using Kagi.CloudFormation.Evaluation;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.CloudFormation.Mapping;

/// <summary>
/// Joins a resource's key property to the key it names, as Terraform's key resolution does: a <c>Ref</c> or
/// <c>Fn::GetAtt</c> to an <c>AWS::KMS::Key</c> of the template is that key; one to an <c>AWS::KMS::Alias</c> is followed
/// to its target; a literal is read by what it says (<c>alias/aws/…</c> is AWS-managed, a bare key ARN is unknown offline).
/// </summary>
internal sealed class TemplateKeyResolver(IReadOnlyDictionary<string, KmsKey> keys, IReadOnlyDictionary<string, TemplateResource> resources)
{
    /// <summary>The CloudFormation type of a KMS alias, whose <c>Ref</c> is its name.</summary>
    public const string AliasType = "AWS::KMS::Alias";

    // An alias targets a key, not another alias; the bound only stops a malformed template.
    private const int MaxHops = 4;

    /// <summary>The key a resource's key property names; not set is the service's AWS-managed default.</summary>
    public KeyReference Resolve(TemplateResource resource, string property) => Resolve(resource.Get(property), resource, property, 0);

    /// <summary>The key a nested key property names (<paramref name="value"/>, read by the mapper), under the name <paramref name="property"/> in a reason.</summary>
    public KeyReference Resolve(TemplateResource resource, string property, TemplateValue value) => Resolve(value, resource, property, 0);

    private KeyReference Resolve(TemplateValue value, TemplateResource resource, string property, int hops) => value switch
    {
        TemplateNull or TemplateText { Value: "" } => new KeyReference.ServiceDefault(),
        TemplateText identifier => KeyLevelClassifier.FromIdentifier(identifier.Value),
        TemplateUnknown { KnownEnd: { } end } when end.IndexOf(":alias/", StringComparison.Ordinal) is >= 0 and var at => new KeyReference.Alias(end[(at + 1)..]),
        TemplateUnknown { Origin: { } origin } => FromOrigin(origin, hops)
            ?? new KeyReference.Undetermined(Texts.Canonical("reasons.cloudformation-property-unknown", ("resource", resource.Id), ("property", property), ("reason", ((TemplateUnknown)value).Reason))),
        TemplateUnknown unknown => new KeyReference.Undetermined(Texts.Canonical("reasons.cloudformation-property-unknown", ("resource", resource.Id), ("property", property), ("reason", unknown.Reason))),
        _ => new KeyReference.Undetermined(Texts.Canonical("reasons.cloudformation-property-type", ("resource", resource.Id), ("property", property), ("expected", "String"), ("value", value.Describe()))),
    };

    private KeyReference? FromOrigin(ResourceOrigin origin, int hops)
    {
        if (keys.TryGetValue(origin.LogicalId, out var key))
        {
            return new KeyReference.Described(key);
        }

        return hops < MaxHops && resources.TryGetValue(origin.LogicalId, out var alias) && alias.Type == AliasType ? FromAlias(alias, hops) : null;
    }

    // An AWS-managed alias is recognised by its name; any other is followed to the key it targets, or is a customer alias.
    private KeyReference FromAlias(TemplateResource alias, int hops)
    {
        var name = alias.Get("AliasName") as TemplateText;
        if (name is not null && KeyLevelClassifier.IsAwsManagedAlias(name.Value))
        {
            return new KeyReference.Alias(name.Value);
        }

        var target = Resolve(alias.Get("TargetKeyId"), alias, "TargetKeyId", hops + 1);
        return target is KeyReference.Described || name is null ? target : new KeyReference.Alias(name.Value);
    }
}
