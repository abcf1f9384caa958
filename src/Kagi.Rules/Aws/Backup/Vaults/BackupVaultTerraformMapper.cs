using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>
/// <c>aws_backup_vault</c>: without <c>kms_key_arn</c> the vault is encrypted under <c>aws/backup</c>. Its access policy,
/// notifications and Vault Lock are resources of their own (<c>aws_backup_vault_policy</c>,
/// <c>aws_backup_vault_notifications</c>, <c>aws_backup_vault_lock_configuration</c>), joined by the vault they name.
/// </summary>
internal sealed class BackupVaultTerraformMapper : ResourceMapper<BackupVault>
{
    private const string VaultType = "aws_backup_vault";

    public override string TerraformType => VaultType;

    public override BackupVault Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = Facts.RequiredName(view, "name"),
        Tags = Facts.Tags(view),
        KmsKeyId = Facts.OptionalString(view, "kms_key_arn"),

        // No key named resolves to the service's default, the AWS-managed aws/backup.
        Key = keys.Resolve(view, "kms_key_arn"),

        // Declared apart: none until a resource names the vault (Join).
        AccessPolicy = Fact.Known<string?>(null),
        NotificationTopicArn = Fact.Known<string?>(null),
        NotificationEvents = Fact.Known<IReadOnlyList<string>>([]),
        LockMode = Fact.Known<string?>(null),
        LockMinRetentionDays = Fact.Known(0),
        LockMaxRetentionDays = Fact.Known(0),
    };

    public override BackupVault Join(BackupVault resource, JoinScope scope)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(scope);
        var vaults = scope.OfType(VaultType);
        IResourceView? Naming(string type) => scope.OfType(type)
            .FirstOrDefault(candidate => JoinScope.Referenced(candidate, "backup_vault_name", vaults, "name") is { } vault && JoinScope.Names(vault.Address, resource));

        var joined = resource;
        if (Naming("aws_backup_vault_policy") is { } policy)
        {
            joined = joined with { AccessPolicy = Facts.OptionalString(policy, "policy") };
        }

        if (Naming("aws_backup_vault_notifications") is { } notifications)
        {
            joined = joined with { NotificationTopicArn = Facts.OptionalString(notifications, "sns_topic_arn"), NotificationEvents = Facts.Strings(notifications, "backup_vault_events") };
        }

        if (Naming("aws_backup_vault_lock_configuration") is { } lockConfiguration)
        {
            joined = joined with
            {
                // changeable_for_days set is compliance mode: the lock becomes immutable once that many days have passed.
                LockMode = lockConfiguration.Get("changeable_for_days") switch
                {
                    TfUnknown unknown => Fact.Unknown<string?>(Texts.Canonical("reasons.argument-after-apply", ("argument", $"{lockConfiguration.Address}.changeable_for_days"), ("reason", unknown.Reason))),
                    TfNull => Fact.Known<string?>(BackupVault.GovernanceMode),
                    _ => Fact.Known<string?>(BackupVault.ComplianceMode),
                },
                LockMinRetentionDays = Facts.Int(lockConfiguration, "min_retention_days", whenNotSet: 0),
                LockMaxRetentionDays = Facts.Int(lockConfiguration, "max_retention_days", whenNotSet: 0),
            };
        }

        return joined;
    }
}
