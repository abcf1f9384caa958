namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>The vault's key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class BackupVaultCmkEncryption : CmkEncryptionRule<BackupVault>;
