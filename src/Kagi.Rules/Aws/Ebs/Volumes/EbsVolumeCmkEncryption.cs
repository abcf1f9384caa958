using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>The volume's key is at least the minimum key level; a volume naming no key is on the account's default EBS key, <c>aws/ebs</c> unless set to another.</summary>
public sealed class EbsVolumeCmkEncryption : CmkEncryptionRule<EbsVolume>, IFixBuilder
{
    private readonly EbsVolumeRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix replaces the volume: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(EbsVolume resource) => EbsVolumeRebuild.Evidence(resource);
}
