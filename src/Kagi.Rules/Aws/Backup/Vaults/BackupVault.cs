using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>An AWS Backup vault: always encrypted, under the account's <c>aws/backup</c> key unless it was created with another.</summary>
public sealed record BackupVault : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::Backup::BackupVault", AsffType: "AwsBackupBackupVault", OcsfType: "AWS::Backup::BackupVault", Service: "backup");

    /// <summary>What <see cref="LockMode"/> says of a vault lock that becomes immutable at a date: nobody can remove it or shorten retention after that.</summary>
    public const string ComplianceMode = "compliance";

    /// <summary>What <see cref="LockMode"/> says of a vault lock that principals with the right permissions may still remove.</summary>
    public const string GovernanceMode = "governance";

    /// <summary>AWS Backup encrypts every vault.</summary>
    public Fact<bool> StorageEncrypted => Fact.Known(true);

    /// <summary>The vault's key ARN as written or returned; null when none was named.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    // What a rebuild under another key carries across (BackupVaultRebuild); null, none or 0: the vault has none.

    /// <summary>The access policy's JSON text.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> AccessPolicy { get; init; } = Fact.NotReported<string?>(nameof(AccessPolicy));

    /// <summary>The SNS topic the vault's events are sent to.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> NotificationTopicArn { get; init; } = Fact.NotReported<string?>(nameof(NotificationTopicArn));

    /// <summary>The events sent to <see cref="NotificationTopicArn"/> (<c>BACKUP_JOB_COMPLETED</c> …).</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> NotificationEvents { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(NotificationEvents));

    /// <summary>Vault Lock: <see cref="GovernanceMode"/>, <see cref="ComplianceMode"/>, or null without a lock.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> LockMode { get; init; } = Fact.NotReported<string?>(nameof(LockMode));

    /// <summary>Vault Lock's minimum retention in days; 0 when it sets none.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> LockMinRetentionDays { get; init; } = Fact.NotReported<int>(nameof(LockMinRetentionDays));

    /// <summary>Vault Lock's maximum retention in days; 0 when it sets none.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> LockMaxRetentionDays { get; init; } = Fact.NotReported<int>(nameof(LockMaxRetentionDays));
}
