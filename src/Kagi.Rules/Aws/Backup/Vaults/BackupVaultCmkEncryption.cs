using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>The vault's key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class BackupVaultCmkEncryption : CmkEncryptionRule<BackupVault>, IFixBuilder
{
    private readonly BackupVaultRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix rebuilds the vault: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(BackupVault resource) => [BackupVaultRebuild.Evidence(resource)];
}
