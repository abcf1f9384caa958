using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Sqs.Queues;

/// <summary>An Amazon SQS queue: encrypted with a KMS key (SSE-KMS), with SQS's own key (SSE-SQS, the default), or not at all.</summary>
public sealed record SqsQueue : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::SQS::Queue", AsffType: "AwsSqsQueue", OcsfType: "AWS::SQS::Queue", Service: "sqs");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The KMS key as written or returned (key ID, ARN, alias name or alias ARN); null for SSE-SQS or none.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    public required KeyReference Key { get; init; }
}
