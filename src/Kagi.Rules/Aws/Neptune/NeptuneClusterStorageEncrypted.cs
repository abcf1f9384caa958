using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune;

/// <summary>Storage encryption is on; the Terraform provider's default is off.</summary>
public sealed class NeptuneClusterStorageEncrypted : Rule<NeptuneCluster>
{
    protected override RuleResult Evaluate(NeptuneCluster cluster, ScanOptions options) =>
        cluster.StorageEncrypted switch
        {
            { IsKnown: false } encrypted => Unknown(encrypted.Reason!),
            { Value: true } => Pass(("storageEncrypted", "true")),
            _ => Fail(("storageEncrypted", "false")),
        };
}
