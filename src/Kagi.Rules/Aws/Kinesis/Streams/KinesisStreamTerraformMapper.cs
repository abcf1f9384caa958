using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.Kinesis.Streams;

/// <summary><c>aws_kinesis_stream</c>: <c>encryption_type</c> defaults to <c>NONE</c>; <c>KMS</c> encrypts with <c>kms_key_id</c>.</summary>
internal sealed class KinesisStreamTerraformMapper : ResourceMapper<KinesisStream>
{
    public override string TerraformType => "aws_kinesis_stream";

    public override KinesisStream Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = Facts.RequiredName(view, "name"),
        Tags = Facts.Tags(view),
        StorageEncrypted = Facts.OptionalString(view, "encryption_type").Map(type => string.Equals(type, "KMS", StringComparison.OrdinalIgnoreCase)),
        KmsKeyId = Facts.OptionalString(view, "kms_key_id"),
        Key = keys.Resolve(view, "kms_key_id"),
    };
}
