using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Kinesis.Streams;

/// <summary>
/// <c>AWS::Kinesis::Stream</c>: without <c>StreamEncryption</c> the stream is not encrypted; <c>EncryptionType: KMS</c>
/// encrypts with the key its <c>KeyId</c> names (<c>alias/aws/kinesis</c> being the AWS-managed one).
/// </summary>
internal sealed class KinesisStreamCloudFormationMapper : CloudFormationMapper<KinesisStream>
{
    public override string ResourceType => KinesisStream.Descriptor.Type;

    public override KinesisStream Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var encryption = TemplateFacts.Nested(resource, "StreamEncryption");
        return new KinesisStream
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "Name"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encryption switch
            {
                { IsKnown: false, Reason: var reason } => Fact.Unknown<bool>(reason!),
                { Value: { } stream } => TemplateFacts.OptionalString(stream, "EncryptionType").Map(type => string.Equals(type, "KMS", StringComparison.OrdinalIgnoreCase)),
                _ => Fact.Known(false),
            },
            KmsKeyId = encryption switch
            {
                { IsKnown: false, Reason: var reason } => Fact.Unknown<string?>(reason!),
                { Value: { } stream } => TemplateFacts.OptionalString(stream, "KeyId"),
                _ => Fact.Known<string?>(null),
            },
            Key = encryption switch
            {
                { IsKnown: false, Reason: var reason } => new KeyReference.Undetermined(reason!),
                { Value: { } stream } => keys.Resolve(stream, "KeyId"),
                _ => new KeyReference.ServiceDefault(),
            },
        };
    }
}
