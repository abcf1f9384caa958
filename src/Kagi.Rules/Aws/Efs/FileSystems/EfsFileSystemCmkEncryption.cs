using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>The file system's key is at least the minimum key level; encrypted without a key named, it is on <c>aws/elasticfilesystem</c>.</summary>
public sealed class EfsFileSystemCmkEncryption : CmkEncryptionRule<EfsFileSystem>, IFixBuilder
{
    private readonly EfsFileSystemRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix rebuilds the file system: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(EfsFileSystem resource) => EfsFileSystemRebuild.Evidence(resource);
}
