using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules;

/// <summary>
/// The common shape of every <c>*-cmk-encryption</c> rule: the key that really protects the data is at least the minimum
/// key level ("a CMK or higher"). No encryption at all fails with the <c>unencrypted</c> remediation variant, since its
/// fix is different (encrypt first); an undetermined key is UNKNOWN with the reason, never a PASS.
/// </summary>
public abstract class CmkEncryptionRule<TResource> : Rule<TResource>
    where TResource : CloudResource, IEncryptedAtRest
{
    public const string UnencryptedVariant = "unencrypted";

    protected sealed override RuleResult Evaluate(TResource resource, ScanOptions options)
    {
        var minimum = ("minKeyLevel", options.MinKeyLevel.ToName());
        var kmsKeyId = ("kmsKeyId", resource.KmsKeyId is { IsKnown: true } id ? id.Value : null);
        return resource.KeyLevel switch
        {
            { IsKnown: false } level => Unknown(level.Reason!, minimum, kmsKeyId),
            var level when level.Value >= options.MinKeyLevel => Pass(Level(level.Value), minimum, kmsKeyId),
            { Value: KeyLevel.None } => Result(ResultStatus.Fail, "fail", [Level(KeyLevel.None), minimum, kmsKeyId, .. FixEvidence(resource)], UnencryptedVariant),
            var level => Fail([Level(level.Value), minimum, kmsKeyId, .. FixEvidence(resource)]),
        };
    }

    private static (string Key, string? Value) Level(KeyLevel level) => ("keyLevel", level.ToName());
}

/// <summary>The common shape of every <c>*-storage-encrypted</c> rule, for services that let data be stored unencrypted.</summary>
public abstract class StorageEncryptedRule<TResource> : SettingRule<TResource>
    where TResource : CloudResource, IEncryptedAtRest
{
    protected sealed override string EvidenceKey => "storageEncrypted";

    protected sealed override Fact<bool> Setting(TResource resource) => resource.StorageEncrypted;
}
