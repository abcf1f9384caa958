using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>The cluster's storage key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class NeptuneClusterCmkEncryption : Rule<NeptuneCluster>
{
    private const string UnencryptedVariant = "unencrypted";

    protected override RuleResult Evaluate(NeptuneCluster cluster, ScanOptions options)
    {
        var minimum = ("minKeyLevel", options.MinKeyLevel.ToName());
        var kmsKeyId = ("kmsKeyId", cluster.KmsKeyId is { IsKnown: true } id ? id.Value : null);
        return cluster.KeyLevel switch
        {
            { IsKnown: false } level => Unknown(level.Reason!, minimum, kmsKeyId),
            var level when level.Value >= options.MinKeyLevel => Pass(Level(level.Value), minimum, kmsKeyId),
            { Value: KeyLevel.None } => Result(ResultStatus.Fail, "fail", [Level(KeyLevel.None), minimum, kmsKeyId], UnencryptedVariant),
            var level => Fail(Level(level.Value), minimum, kmsKeyId),
        };
    }

    private static (string Key, string? Value) Level(KeyLevel level) => ("keyLevel", level.ToName());
}
