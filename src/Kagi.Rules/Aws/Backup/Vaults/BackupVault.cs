using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>An AWS Backup vault: always encrypted, under the account's <c>aws/backup</c> key unless it was created with another.</summary>
public sealed record BackupVault : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::Backup::BackupVault", AsffType: "AwsBackupBackupVault", OcsfType: "AWS::Backup::BackupVault", Service: "backup");

    /// <summary>AWS Backup encrypts every vault.</summary>
    public Fact<bool> StorageEncrypted => Fact.Known(true);

    /// <summary>The vault's key ARN as written or returned; null when none was named.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
