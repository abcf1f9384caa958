using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>The file system is encrypted at rest; the API's and the Terraform provider's default is unencrypted.</summary>
public sealed class EfsFileSystemStorageEncrypted : StorageEncryptedRule<EfsFileSystem>, IFixBuilder
{
    private readonly EfsFileSystemRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix rebuilds the file system: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(EfsFileSystem resource) => EfsFileSystemRebuild.Evidence(resource);
}
