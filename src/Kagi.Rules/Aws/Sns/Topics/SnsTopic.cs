using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Sns.Topics;

/// <summary>An Amazon SNS topic: unencrypted unless server-side encryption names a KMS key, which it always does when on.</summary>
public sealed record SnsTopic : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::SNS::Topic", AsffType: "AwsSnsTopic", OcsfType: "AWS::SNS::Topic", Service: "sns");

    /// <summary>Whether server-side encryption is on: the topic names a KMS key.</summary>
    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (key ID, ARN, alias name such as <c>alias/aws/sns</c>, or alias ARN); null when none.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
