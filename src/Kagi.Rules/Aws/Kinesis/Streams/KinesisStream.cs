using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Kinesis.Streams;

/// <summary>A Kinesis data stream: unencrypted unless server-side encryption is on, which always names a KMS key.</summary>
public sealed record KinesisStream : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::Kinesis::Stream", AsffType: "AwsKinesisStream", OcsfType: "AWS::Kinesis::Stream", Service: "kinesis");

    /// <summary>Whether server-side encryption is on (the API's encryption type <c>KMS</c> rather than <c>NONE</c>).</summary>
    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN, alias such as <c>alias/aws/kinesis</c>); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
