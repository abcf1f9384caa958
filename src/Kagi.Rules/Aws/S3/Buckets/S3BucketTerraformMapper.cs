using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.S3.Buckets;

/// <summary>
/// <c>aws_s3_bucket</c>, with its default encryption from an <c>aws_s3_bucket_server_side_encryption_configuration</c>
/// that names it (by reference or name) or else from the legacy inline <c>server_side_encryption_configuration</c> block.
/// None configured is SSE-S3 (AWS-owned); <c>aws:kms</c> or <c>aws:kms:dsse</c> without a key is <c>aws/s3</c>.
/// </summary>
internal sealed class S3BucketTerraformMapper : ResourceMapper<S3Bucket>
{
    private const string BucketType = "aws_s3_bucket";
    private const string EncryptionType = "aws_s3_bucket_server_side_encryption_configuration";
    private const string KeyArgument = "kms_master_key_id";

    public override string TerraformType => BucketType;

    public override S3Bucket Map(IResourceView view, KeyResolver keys)
    {
        var (keyId, key) = view.Get("server_side_encryption_configuration") switch
        {
            TfUnknown unknown => (Fact.Unknown<string?>(unknown.Reason), new KeyReference.Undetermined(unknown.Reason)),
            _ => DefaultEncryption(view.Block("server_side_encryption_configuration"), keys),
        };
        return new S3Bucket
        {
            Id = view.Address,
            Name = Facts.Name(view, "bucket", "bucket_prefix"),
            Tags = Facts.Tags(view),
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = keyId,
            Key = key,
        };
    }

    /// <summary>The separate encryption configuration, when one names the bucket, replaces what the bucket says itself.</summary>
    public override S3Bucket Join(S3Bucket resource, JoinScope scope)
    {
        var buckets = scope.OfType(BucketType).ToList();
        var configuration = scope.OfType(EncryptionType)
            .FirstOrDefault(candidate => JoinScope.Referenced(candidate, "bucket", buckets, "bucket") is { } bucket && JoinScope.Names(bucket.Address, resource));
        if (configuration is null)
        {
            return resource;
        }

        var (keyId, key) = DefaultEncryption(configuration, scope.Keys);
        return resource with { KmsKeyId = keyId, Key = key };
    }

    // rule { apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id } }, in either resource.
    private static (Fact<string?> KeyId, KeyReference Key) DefaultEncryption(IResourceView? configuration, KeyResolver keys)
    {
        var rule = configuration is null ? null : Nested(configuration, "rule");
        var defaults = rule is { View: { } ruleView } ? Nested(ruleView, "apply_server_side_encryption_by_default") : rule;
        if (defaults is { Reason: { } reason })
        {
            return (Fact.Unknown<string?>(reason), new KeyReference.Undetermined(reason));
        }

        if (defaults?.View is not { } view)
        {
            return (Fact.Known<string?>(null), new KeyReference.AwsOwned());
        }

        return Facts.OptionalString(view, "sse_algorithm") switch
        {
            { IsKnown: false } algorithm => (Fact.Unknown<string?>(algorithm.Reason!), new KeyReference.Undetermined(algorithm.Reason!)),

            // DSSE-KMS encrypts twice, both layers with the KMS key: it counts as KMS.
            { Value: "aws:kms" or "aws:kms:dsse" } => (Facts.OptionalString(view, KeyArgument), keys.Resolve(view, KeyArgument)),
            _ => (Fact.Known<string?>(null), new KeyReference.AwsOwned()),
        };
    }

    // A nested block, none, or the reason its number is known only after apply.
    private static (IResourceView? View, string? Reason)? Nested(IResourceView holder, string type) => holder.Get(type) switch
    {
        TfUnknown unknown => (null, unknown.Reason),
        _ when holder.Block(type) is { } block => (block, null),
        _ => null,
    };
}
