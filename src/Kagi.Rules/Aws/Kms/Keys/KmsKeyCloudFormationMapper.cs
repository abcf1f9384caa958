using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Kms.Keys;

/// <summary>
/// <c>AWS::KMS::Key</c>: a key the template creates is customer-managed by construction, and never in a custom key store
/// (the resource cannot place one there). KMS's defaults: enabled, no rotation, a symmetric key in one Region, and the
/// default key policy. Its <c>AWS::KMS::Alias</c> resources name it.
/// </summary>
internal sealed class KmsKeyCloudFormationMapper : CloudFormationMapper<KmsKey>
{
    public override string ResourceType => KmsKey.Descriptor.Type;

    public override KmsKey Map(TemplateResource resource, TemplateKeyResolver keys) => new()
    {
        Id = resource.Id,
        Name = Fact.Known(resource.Get("Description") is TemplateText { Value.Length: > 0 } description ? description.Value : resource.Id),
        Arn = Fact.Unknown<string>(EvaluationTexts.AfterDeploy(new ResourceOrigin(resource.LogicalId, "Arn"))),
        Tags = TemplateFacts.Tags(resource),
        Manager = Fact.Known(KeyManager.Customer),
        InCustomKeyStore = Fact.Known(false),
        State = TemplateFacts.Bool(resource, "Enabled", whenNotSet: true).Map(enabled => enabled ? "Enabled" : "Disabled"),
        Origin = TemplateFacts.OptionalString(resource, "Origin").Map(origin => origin ?? "AWS_KMS"),
        RotationEnabled = TemplateFacts.Bool(resource, "EnableKeyRotation", whenNotSet: false),
        Policy = Policy(resource),
        KeySpec = TemplateFacts.OptionalString(resource, "KeySpec").Map(spec => spec ?? "SYMMETRIC_DEFAULT"),
        MultiRegion = TemplateFacts.Bool(resource, "MultiRegion", whenNotSet: false),

        // A key the template keeps is not being deleted.
        DeletionDate = Fact.Known<string?>(null),
        Aliases = Fact.Known<IReadOnlyList<string>>([]),
    };

    public override KmsKey Join(KmsKey resource, TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(scope);
        var names = scope.OfType(TemplateKeyResolver.AliasType)
            .Where(alias => TemplateScope.RefersTo(alias, "TargetKeyId", resource))
            .Select(alias => TemplateFacts.OptionalString(alias, "AliasName"))
            .ToList();
        return names.FirstOrDefault(name => !name.IsKnown) is { IsKnown: false, Reason: { } reason }
            ? resource with { Aliases = Fact.Unknown<IReadOnlyList<string>>(reason) }
            : resource with { Aliases = Fact.Known<IReadOnlyList<string>>([.. names.Select(name => name.Value).OfType<string>().Order(StringComparer.Ordinal)]) };
    }

    // KeyPolicy is an object or its JSON text; without one KMS gives the key its default policy (the account, and only the account).
    private static Fact<string> Policy(TemplateResource resource) => resource.Get("KeyPolicy") switch
    {
        TemplateNull => Fact.Known(DefaultPolicy),
        TemplateText text => Fact.Known(text.Value),
        var document => TemplateJson.Write(document, ArnOfSomeAccount) switch
        {
            ({ } json, _) => Fact.Known(json),
            (_, var unknown) => Fact.Unknown<string>(Texts.Canonical("reasons.cloudformation-property-unknown", ("resource", resource.Id), ("property", "KeyPolicy"), ("reason", unknown!.Reason))),
        },
    };

    // An ARN built with Fn::Sub from parts known only at deployment (arn:${AWS::Partition}:iam::${AWS::AccountId}:root,
    // the commonest principal of a template's key policy) names something of some account, never everyone: written as
    // it is, the policy keeps a shape the rules can judge. Anything else unknown leaves the whole policy unknown.
    private static string? ArnOfSomeAccount(TemplateUnknown unknown) =>
        unknown.Written is { } written && written.StartsWith("arn:", StringComparison.Ordinal) ? written : null;

    private const string DefaultPolicy =
        """{"Version":"2012-10-17","Id":"key-default","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::ACCOUNT:root"},"Action":"kms:*","Resource":"*"}]}""";
}
