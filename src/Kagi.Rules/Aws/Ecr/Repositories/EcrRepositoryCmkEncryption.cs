using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>The repository's key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class EcrRepositoryCmkEncryption : CmkEncryptionRule<EcrRepository>, IFixBuilder
{
    private readonly EcrRepositoryRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix rebuilds the repository: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(EcrRepository resource) => [EcrRepositoryRebuild.Evidence(resource)];
}
