using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Sqs.Queues;

/// <summary>
/// <c>AWS::SQS::Queue</c>: <c>KmsMasterKeyId</c> names the KMS key (<c>alias/aws/sqs</c> being the AWS-managed one);
/// without it, SQS encrypts with its own key (SSE-SQS) unless <c>SqsManagedSseEnabled</c> is false, as it does for
/// every new queue.
/// </summary>
internal sealed class SqsQueueCloudFormationMapper : CloudFormationMapper<SqsQueue>
{
    public override string ResourceType => SqsQueue.Descriptor.Type;

    public override SqsQueue Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var namesKey = TemplateFacts.IsSet(resource, "KmsMasterKeyId");
        var sqsManaged = TemplateFacts.Bool(resource, "SqsManagedSseEnabled", whenNotSet: true);
        return new SqsQueue
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "QueueName"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = (namesKey, sqsManaged) switch
            {
                ({ IsKnown: true, Value: true }, _) => Fact.Known(true),
                ({ IsKnown: true }, _) => sqsManaged,

                // A parameter without a value may yet be empty: then SSE-SQS decides.
                (_, { IsKnown: true, Value: true }) => Fact.Known(true),
                _ => Fact.Unknown<bool>(namesKey.Reason!),
            },
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsMasterKeyId"),
            Key = namesKey switch
            {
                { IsKnown: false, Reason: var reason } => new KeyReference.Undetermined(reason!),
                { Value: true } => keys.Resolve(resource, "KmsMasterKeyId"),
                _ when sqsManaged is { IsKnown: false, Reason: var reason } => new KeyReference.Undetermined(reason!),
                _ when sqsManaged.Value => new KeyReference.AwsOwned(),
                _ => new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted")),
            },
        };
    }
}
