using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>
/// The key that encrypts the cluster is <c>Enabled</c>: a disabled key, or one pending deletion, leaves the data unreadable.
/// An unencrypted cluster has no key and gets no finding (neptune-cluster-storage-encrypted covers it).
/// </summary>
public sealed class NeptuneClusterKeyUsable : Rule<NeptuneCluster>
{
    private const string Enabled = "Enabled";

    protected override bool Judges(NeptuneCluster cluster) => cluster.StorageEncrypted is not { IsKnown: true, Value: false };

    protected override RuleResult Evaluate(NeptuneCluster cluster, ScanOptions options)
    {
        var kmsKeyId = ("kmsKeyId", cluster.KmsKeyId is { IsKnown: true } id ? id.Value : null);
        if (!cluster.StorageEncrypted.IsKnown)
        {
            return Unknown(cluster.StorageEncrypted.Reason!, kmsKeyId);
        }

        return cluster.Key switch
        {
            // AWS-managed and AWS-owned keys cannot be disabled or scheduled for deletion by anyone.
            KeyReference.ServiceDefault or KeyReference.AwsOwned => Managed(kmsKeyId),
            KeyReference.Alias alias when KeyLevelClassifier.IsAwsManagedAlias(alias.Name) => Managed(kmsKeyId),
            KeyReference.Described { Key.Manager: { IsKnown: true, Value: KeyManager.Aws } } => Managed(kmsKeyId),
            KeyReference.Described { Key.State: { IsKnown: false } state } => Unknown(state.Reason!, kmsKeyId),
            KeyReference.Described { Key.State.Value: Enabled } => Pass(("keyState", Enabled), kmsKeyId),
            KeyReference.Described described => Result(
                ResultStatus.Fail,
                "fail",
                [("keyState", described.Key.State.Value), kmsKeyId, ("keyTfName", described.Key.Declaration is { Source: ResourceSources.Terraform } declared ? declared.Name : null)],
                Variant(described.Key.State.Value)),
            KeyReference.Undetermined undetermined => Unknown(undetermined.Reason, kmsKeyId),
            _ => Unknown(Texts.Canonical("reasons.key-state-needs-kms"), kmsKeyId),
        };
    }

    private static RuleResult Managed((string Key, string? Value) kmsKeyId) =>
        Result(ResultStatus.Pass, "passAwsManaged", [kmsKeyId]);

    private static string? Variant(string state) => state switch
    {
        "PendingDeletion" or "PendingReplicaDeletion" => "pendingDeletion",
        "Unavailable" => "unavailable",
        _ => null,
    };
}
