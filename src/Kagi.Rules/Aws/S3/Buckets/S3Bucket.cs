using Kagi.Core.Model;

namespace Kagi.Rules.Aws.S3.Buckets;

/// <summary>An Amazon S3 bucket. S3 encrypts every new object since 2023: the question is only whose key does it.</summary>
public sealed record S3Bucket : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::S3::Bucket", AsffType: "AwsS3Bucket", OcsfType: "AWS::S3::Bucket", Service: "s3");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The default-encryption KMS key as written or returned (ARN, ID or alias); null for SSE-S3 or KMS without a key.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The default-encryption key: AWS-owned for SSE-S3, <c>aws/s3</c> for SSE-KMS or DSSE-KMS without a key.</summary>
    public required KeyReference Key { get; init; }
}
