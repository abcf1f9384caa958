using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>
/// <c>AWS::ECR::Repository</c>: without <c>EncryptionConfiguration</c>, or with <c>EncryptionType: AES256</c>, ECR
/// encrypts with an AWS-owned key; <c>KMS</c> (or <c>KMS_DSSE</c>) uses <c>KmsKey</c>, or <c>aws/ecr</c> when none is named.
/// What a rebuild carries is read where the resource declares it: <c>ImageTagMutability</c>,
/// <c>ImageScanningConfiguration.ScanOnPush</c>, <c>LifecyclePolicy.LifecyclePolicyText</c> and <c>RepositoryPolicyText</c>.
/// </summary>
internal sealed class EcrRepositoryCloudFormationMapper : CloudFormationMapper<EcrRepository>
{
    public override string ResourceType => EcrRepository.Descriptor.Type;

    public override EcrRepository Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var encryption = TemplateFacts.Nested(resource, "EncryptionConfiguration");
        var kms = encryption switch
        {
            { IsKnown: false, Reason: var reason } => Fact.Unknown<bool>(reason!),
            { Value: { } configuration } => TemplateFacts.OptionalString(configuration, "EncryptionType").Map(type => type is not (null or "AES256")),
            _ => Fact.Known(false),
        };
        return new EcrRepository
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "RepositoryName"),
            Tags = TemplateFacts.Tags(resource),
            KmsKeyId = encryption switch
            {
                { IsKnown: false, Reason: var reason } => Fact.Unknown<string?>(reason!),
                { Value: { } configuration } => TemplateFacts.OptionalString(configuration, "KmsKey"),
                _ => Fact.Known<string?>(null),
            },
            Key = kms switch
            {
                { IsKnown: false, Reason: var reason } => new KeyReference.Undetermined(reason!),
                { Value: true } => keys.Resolve(encryption.Value!, "KmsKey"),
                _ => new KeyReference.AwsOwned(),
            },
            ImageTagMutability = TemplateFacts.OptionalString(resource, "ImageTagMutability"),
            ScanOnPush = TemplateFacts.Nested(resource, "ImageScanningConfiguration") switch
            {
                { IsKnown: false, Reason: var reason } => Fact.Unknown<bool>(reason!),
                { Value: { } scanning } => TemplateFacts.Bool(scanning, "ScanOnPush", whenNotSet: false),
                _ => Fact.Known(false),
            },
            LifecyclePolicy = TemplateFacts.Nested(resource, "LifecyclePolicy") switch
            {
                { IsKnown: false, Reason: var reason } => Fact.Unknown<string?>(reason!),
                { Value: { } lifecycle } => TemplateFacts.OptionalString(lifecycle, "LifecyclePolicyText"),
                _ => Fact.Known<string?>(null),
            },
            RepositoryPolicy = Policy(resource),
        };
    }

    // RepositoryPolicyText is an object or its JSON text.
    private static Fact<string?> Policy(TemplateResource resource) => resource.Get("RepositoryPolicyText") switch
    {
        TemplateNull => Fact.Known<string?>(null),
        TemplateText text => Fact.Known<string?>(text.Value),
        var document => TemplateJson.Write(document) switch
        {
            ({ } json, _) => Fact.Known<string?>(json),
            (_, var unknown) => Fact.Unknown<string?>(Texts.Canonical("reasons.cloudformation-property-unknown", ("resource", resource.Id), ("property", "RepositoryPolicyText"), ("reason", unknown!.Reason))),
        },
    };
}
