using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>The domain's key is at least the minimum key level; encryption at rest without a key named is the AWS-managed <c>aws/es</c>.</summary>
public sealed class OpensearchDomainCmkEncryption : CmkEncryptionRule<OpenSearchDomain>, IFixBuilder
{
    private readonly OpenSearchDomainRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The key of an encrypted domain cannot change, so the fix rebuilds it: it carries what the scan read of it. (An
    // unencrypted domain is encrypted in place, which needs none of it.)
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(OpenSearchDomain resource) => [OpenSearchDomainRebuild.Evidence(resource)];
}
