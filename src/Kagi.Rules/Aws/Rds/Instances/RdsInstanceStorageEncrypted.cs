using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>Storage encryption is on; the Terraform provider's default is off.</summary>
public sealed class RdsInstanceStorageEncrypted : StorageEncryptedRule<RdsInstance>, IFixBuilder
{
    private readonly RdsInstanceRebuild _fix = new();

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language) =>
        _fix.Build(medium, evidence, language);

    // The fix rebuilds the instance: it carries what the scan read of it.
    protected override IEnumerable<(string Key, string? Value)> FixEvidence(RdsInstance resource) => [RdsInstanceRebuild.Evidence(resource)];
}
