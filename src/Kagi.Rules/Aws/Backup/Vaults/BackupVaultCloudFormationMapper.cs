using Kagi.CloudFormation.Mapping;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary><c>AWS::Backup::BackupVault</c>: without <c>EncryptionKeyArn</c> the vault is encrypted under <c>aws/backup</c>. Its tags are a map.</summary>
internal sealed class BackupVaultCloudFormationMapper : CloudFormationMapper<BackupVault>
{
    public override string ResourceType => BackupVault.Descriptor.Type;

    public override BackupVault Map(TemplateResource resource, TemplateKeyResolver keys) => new()
    {
        Id = resource.Id,
        Name = TemplateFacts.Name(resource, "BackupVaultName"),
        Tags = TemplateFacts.TagMap(resource, "BackupVaultTags"),
        KmsKeyId = TemplateFacts.OptionalString(resource, "EncryptionKeyArn"),

        // No key named resolves to the service's default, the AWS-managed aws/backup.
        Key = keys.Resolve(resource, "EncryptionKeyArn"),
    };
}
