namespace Kagi.Rules.Aws.S3.Buckets;

/// <summary>The bucket's default-encryption key is at least the minimum key level; S3's default (SSE-S3) is an AWS-owned key.</summary>
public sealed class S3BucketCmkEncryption : CmkEncryptionRule<S3Bucket>;
