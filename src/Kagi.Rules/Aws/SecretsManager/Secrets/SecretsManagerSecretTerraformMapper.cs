using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.SecretsManager.Secrets;

/// <summary><c>aws_secretsmanager_secret</c>: without <c>kms_key_id</c> the secret is encrypted under <c>aws/secretsmanager</c>.</summary>
internal sealed class SecretsManagerSecretTerraformMapper : ResourceMapper<SecretsManagerSecret>
{
    public override string TerraformType => "aws_secretsmanager_secret";

    public override SecretsManagerSecret Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = Facts.Name(view, "name", "name_prefix"),
        Tags = Facts.Tags(view),
        KmsKeyId = Facts.OptionalString(view, "kms_key_id"),

        // No key named resolves to the service's default, the AWS-managed aws/secretsmanager.
        Key = keys.Resolve(view, "kms_key_id"),
    };
}
