using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>
/// <c>aws_ecr_repository</c>: without an <c>encryption_configuration</c> block, or with <c>encryption_type = "AES256"</c>,
/// ECR encrypts with an AWS-owned key; <c>KMS</c> uses <c>kms_key</c>, or <c>aws/ecr</c> when none is named.
/// </summary>
internal sealed class EcrRepositoryTerraformMapper : ResourceMapper<EcrRepository>
{
    public override string TerraformType => "aws_ecr_repository";

    public override EcrRepository Map(IResourceView view, KeyResolver keys)
    {
        var encryption = new NestedBlockView(view, "encryption_configuration");
        var kms = Facts.OptionalString(encryption, "encryption_type").Map(type => type is not (null or "AES256"));
        return new()
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "name"),
            Tags = Facts.Tags(view),
            KmsKeyId = Facts.OptionalString(encryption, "kms_key"),
            Key = kms switch
            {
                { IsKnown: false } => new KeyReference.Undetermined(kms.Reason!),
                { Value: true } => keys.Resolve(encryption, "kms_key"),
                _ => new KeyReference.AwsOwned(),
            },
        };
    }
}
