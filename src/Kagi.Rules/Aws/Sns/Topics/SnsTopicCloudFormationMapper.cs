using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Sns.Topics;

/// <summary>
/// <c>AWS::SNS::Topic</c>: <c>KmsMasterKeyId</c> turns server-side encryption on with the key it names
/// (<c>alias/aws/sns</c> being the AWS-managed one); without it, or empty, the topic is not encrypted.
/// </summary>
internal sealed class SnsTopicCloudFormationMapper : CloudFormationMapper<SnsTopic>
{
    public override string ResourceType => SnsTopic.Descriptor.Type;

    public override SnsTopic Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var encrypted = TemplateFacts.IsSet(resource, "KmsMasterKeyId");
        return new SnsTopic
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "TopicName"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsMasterKeyId"),
            Key = encrypted is { IsKnown: true, Value: false }
                ? new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted"))
                : keys.Resolve(resource, "KmsMasterKeyId"),
        };
    }
}
