using Kagi.CloudFormation.Mapping;

namespace Kagi.Rules.Aws.SecretsManager.Secrets;

/// <summary><c>AWS::SecretsManager::Secret</c>: without <c>KmsKeyId</c> the secret is encrypted under <c>aws/secretsmanager</c>.</summary>
internal sealed class SecretsManagerSecretCloudFormationMapper : CloudFormationMapper<SecretsManagerSecret>
{
    public override string ResourceType => SecretsManagerSecret.Descriptor.Type;

    public override SecretsManagerSecret Map(TemplateResource resource, TemplateKeyResolver keys) => new()
    {
        Id = resource.Id,
        Name = TemplateFacts.Name(resource, "Name"),
        Tags = TemplateFacts.Tags(resource),
        KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),

        // No key named resolves to the service's default, the AWS-managed aws/secretsmanager.
        Key = keys.Resolve(resource, "KmsKeyId"),
    };
}
