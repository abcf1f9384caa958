using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>
/// <c>aws_ecr_repository</c>: without an <c>encryption_configuration</c> block, or with <c>encryption_type = "AES256"</c>,
/// ECR encrypts with an AWS-owned key; <c>KMS</c> uses <c>kms_key</c>, or <c>aws/ecr</c> when none is named.
/// </summary>
internal sealed class EcrRepositoryTerraformMapper : ResourceMapper<EcrRepository>
{
    private const string EncryptionBlock = "encryption_configuration";

    public override string TerraformType => "aws_ecr_repository";

    public override EcrRepository Map(IResourceView view, KeyResolver keys)
    {
        var encryption = view.Block(EncryptionBlock);
        var kms = encryption is not null ? Facts.OptionalString(encryption, "encryption_type").Map(type => type is not (null or "AES256"))
            : view.Get(EncryptionBlock) is TfUnknown unknown ? Fact.Unknown<bool>(unknown.Reason)
            : Fact.Known(false);
        return new()
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "name"),
            Tags = Facts.Tags(view),
            KmsKeyId = encryption is null ? Fact.Known<string?>(null) : Facts.OptionalString(encryption, "kms_key"),
            Key = kms switch
            {
                { IsKnown: false } => new KeyReference.Undetermined(kms.Reason!),
                { Value: true } => keys.Resolve(encryption!, "kms_key"),
                _ => new KeyReference.AwsOwned(),
            },
        };
    }
}
