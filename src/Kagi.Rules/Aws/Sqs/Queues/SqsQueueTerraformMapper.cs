using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Sqs.Queues;

/// <summary>
/// <c>aws_sqs_queue</c>: <c>kms_master_key_id</c> names the KMS key (<c>alias/aws/sqs</c> being the AWS-managed one);
/// without it, SQS encrypts with its own key (SSE-SQS) unless <c>sqs_managed_sse_enabled = false</c>. SQS turns SSE-SQS
/// on for every new queue, and the provider leaves the argument to AWS when it is not written.
/// </summary>
internal sealed class SqsQueueTerraformMapper : ResourceMapper<SqsQueue>
{
    private const string KeyArgument = "kms_master_key_id";

    public override string TerraformType => "aws_sqs_queue";

    public override SqsQueue Map(IResourceView view, KeyResolver keys)
    {
        var keyId = Facts.OptionalString(view, KeyArgument);
        var sqsManaged = Facts.Bool(view, "sqs_managed_sse_enabled", whenNotSet: true);
        var namesKey = view.Get(KeyArgument) is not (TfNull or TfString { Value.Length: 0 });
        return new SqsQueue
        {
            Id = view.Address,
            Name = Facts.Name(view, "name", "name_prefix"),
            Tags = Facts.Tags(view),
            StorageEncrypted = (keyId, sqsManaged) switch
            {
                ({ IsKnown: true, Value.Length: > 0 }, _) => Fact.Known(true),
                ({ IsKnown: true }, _) => sqsManaged,

                // A key known only after apply may yet be none: then SSE-SQS decides.
                (_, { IsKnown: true, Value: true }) => Fact.Known(true),
                _ => Fact.Unknown<bool>(keyId.Reason!),
            },
            KmsKeyId = keyId,
            Key = namesKey ? keys.Resolve(view, KeyArgument)
                : sqsManaged is { IsKnown: false } open ? new KeyReference.Undetermined(open.Reason!)
                : sqsManaged.Value ? new KeyReference.AwsOwned()
                : new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted")),
        };
    }
}
