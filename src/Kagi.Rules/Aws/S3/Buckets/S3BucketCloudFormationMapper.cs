using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.S3.Buckets;

/// <summary>
/// <c>AWS::S3::Bucket</c>, with its default encryption inline (<c>BucketEncryption.ServerSideEncryptionConfiguration</c>,
/// one rule, where Terraform may declare it apart). None configured is SSE-S3 (AWS-owned), as S3 encrypts every new
/// object; <c>aws:kms</c> or <c>aws:kms:dsse</c> without <c>KMSMasterKeyID</c> is <c>aws/s3</c>.
/// </summary>
internal sealed class S3BucketCloudFormationMapper : CloudFormationMapper<S3Bucket>
{
    public override string ResourceType => S3Bucket.Descriptor.Type;

    public override S3Bucket Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (keyId, key) = DefaultEncryption(resource, keys);
        return new S3Bucket
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "BucketName"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = keyId,
            Key = key,
        };
    }

    // BucketEncryption: { ServerSideEncryptionConfiguration: [ { ServerSideEncryptionByDefault: { SSEAlgorithm, KMSMasterKeyID } } ] }
    private static (Fact<string?> KeyId, KeyReference Key) DefaultEncryption(TemplateResource bucket, TemplateKeyResolver keys)
    {
        var byDefault = Then(Then(TemplateFacts.Nested(bucket, "BucketEncryption"), OnlyRule), rule => TemplateFacts.Nested(rule, "ServerSideEncryptionByDefault"));
        if (byDefault is { IsKnown: false, Reason: var reason })
        {
            return (Fact.Unknown<string?>(reason!), new KeyReference.Undetermined(reason!));
        }

        if (byDefault.Value is not { } defaults)
        {
            return (Fact.Known<string?>(null), new KeyReference.AwsOwned());
        }

        return TemplateFacts.OptionalString(defaults, "SSEAlgorithm") switch
        {
            { IsKnown: false } algorithm => (Fact.Unknown<string?>(algorithm.Reason!), new KeyReference.Undetermined(algorithm.Reason!)),

            // DSSE-KMS encrypts twice, both layers with the KMS key: it counts as KMS.
            { Value: "aws:kms" or "aws:kms:dsse" } => (TemplateFacts.OptionalString(defaults, "KMSMasterKeyID"), keys.Resolve(defaults, "KMSMasterKeyID")),
            _ => (Fact.Known<string?>(null), new KeyReference.AwsOwned()),
        };
    }

    // S3 takes one rule of default encryption.
    private static Fact<TemplateResource?> OnlyRule(TemplateResource encryption) => encryption.Get("ServerSideEncryptionConfiguration") switch
    {
        TemplateNull or TemplateList { Items: [] } => Fact.Known<TemplateResource?>(null),
        TemplateList { Items: [TemplateMap rule, ..] } => Fact.Known<TemplateResource?>(encryption.Within(rule)),
        TemplateList { Items: [var other, ..] } => TemplateFacts.NotKnown<TemplateResource?>(encryption, "ServerSideEncryptionConfiguration", other, "ServerSideEncryptionRule"),
        var other => TemplateFacts.NotKnown<TemplateResource?>(encryption, "ServerSideEncryptionConfiguration", other, "List"),
    };

    private static Fact<TemplateResource?> Then(Fact<TemplateResource?> outer, Func<TemplateResource, Fact<TemplateResource?>> inner) =>
        outer is { IsKnown: true, Value: { } found } ? inner(found) : outer;
}
