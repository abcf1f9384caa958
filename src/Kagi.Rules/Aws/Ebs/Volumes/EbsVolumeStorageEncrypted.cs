using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>The volume is encrypted; without encryption by default on in its region, a volume is encrypted only when asked.</summary>
public sealed class EbsVolumeStorageEncrypted : StorageEncryptedRule<EbsVolume>, IFixBuilder
{
    private readonly EbsVolumeRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix replaces the volume: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(EbsVolume resource) => EbsVolumeRebuild.Evidence(resource);
}
