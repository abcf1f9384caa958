using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary><c>aws_backup_vault</c>: without <c>kms_key_arn</c> the vault is encrypted under <c>aws/backup</c>.</summary>
internal sealed class BackupVaultTerraformMapper : ResourceMapper<BackupVault>
{
    public override string TerraformType => "aws_backup_vault";

    public override BackupVault Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = Facts.RequiredName(view, "name"),
        Tags = Facts.Tags(view),
        KmsKeyId = Facts.OptionalString(view, "kms_key_arn"),

        // No key named resolves to the service's default, the AWS-managed aws/backup.
        Key = keys.Resolve(view, "kms_key_arn"),
    };
}
