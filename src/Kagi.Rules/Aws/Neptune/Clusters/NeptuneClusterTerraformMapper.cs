using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>
/// <c>aws_neptune_cluster</c>; the provider's default for <c>storage_encrypted</c> is false. Its instances
/// (<c>aws_neptune_cluster_instance</c>, declared apart) are joined for their Availability Zones. A cluster restored
/// from a snapshot (<c>snapshot_identifier</c>) is encrypted with <c>kms_key_arn</c> when one is named, and otherwise as
/// the snapshot is: the provider does not send <c>storage_encrypted</c> on restore, and AWS keeps an unencrypted
/// snapshot's cluster unencrypted.
/// </summary>
internal sealed class NeptuneClusterTerraformMapper : ResourceMapper<NeptuneCluster>
{
    private const string SnapshotType = "aws_neptune_cluster_snapshot";

    public override string TerraformType => DbClusterEngine.Neptune.ClusterType;

    public override NeptuneCluster Map(IResourceView view, KeyResolver keys) => DbClusterTerraform.Settings(view, DbClusterEngine.Neptune).SetOn(new NeptuneCluster
    {
        Id = view.Address,
        Name = Facts.Name(view, "cluster_identifier", "cluster_identifier_prefix"),
        Tags = Facts.Tags(view),

        // Restored without a key, the snapshot decides; the join finds it when the configuration creates it.
        StorageEncrypted = !IsRestored(view) ? Facts.Bool(view, "storage_encrypted", whenNotSet: false)
            : NamesKey(view) ? Fact.Known(true)
            : Fact.Unknown<bool>(UnknownSnapshot(view)),
        KmsKeyId = Facts.OptionalString(view, "kms_key_arn"),
        Key = IsRestored(view) && !NamesKey(view) ? new KeyReference.Undetermined(UnknownSnapshot(view)) : keys.Resolve(view, "kms_key_arn"),
    });

    public override NeptuneCluster Join(NeptuneCluster resource, JoinScope scope)
    {
        var (multiAz, instances) = DbClusterTerraform.Instances(resource, scope, DbClusterEngine.Neptune);
        var joined = resource with { MultiAz = multiAz ?? resource.MultiAz, Instances = instances };
        return RestoredFrom(resource, scope) is { } snapshot ? joined with { StorageEncrypted = snapshot.StorageEncrypted, Key = snapshot.Key } : joined;
    }

    private static bool IsRestored(IResourceView view) => view.Get("snapshot_identifier") is not (TfNull or TfString { Value.Length: 0 });

    private static bool NamesKey(IResourceView view) => view.Get("kms_key_arn") is not (TfNull or TfString { Value.Length: 0 });

    private static string UnknownSnapshot(IResourceView view) =>
        Texts.Canonical("reasons.restored-from-unknown-snapshot", ("snapshot", view.Describe("snapshot_identifier")));

    // The snapshot of this configuration a cluster restored without a key is restored from, with its own cluster's encryption.
    // Only such a cluster was mapped with its encryption unknown and its key undetermined: the others skip the look-up.
    private static NeptuneClusterSnapshot? RestoredFrom(NeptuneCluster cluster, JoinScope scope) =>
        cluster is { StorageEncrypted.IsKnown: false, Key: KeyReference.Undetermined }
        && scope.ViewOf(cluster) is { } view && IsRestored(view) && !NamesKey(view)
        && SnapshotView(view, scope.OfType(SnapshotType).ToList()) is { } source
        && scope.Mapped.OfType<NeptuneClusterSnapshot>().FirstOrDefault(snapshot => snapshot.Id == source.Address) is { } snapshot
            ? NeptuneClusterSnapshotTerraformMapper.WithSourceEncryption(snapshot, scope)
            : null;

    // By reference or identifier; a literal ARN names the snapshot by its last field (arn:aws:rds:…:cluster-snapshot:NAME).
    private static IResourceView? SnapshotView(IResourceView cluster, List<IResourceView> snapshots) =>
        JoinScope.Referenced(cluster, "snapshot_identifier", snapshots, "db_cluster_snapshot_identifier")
        ?? (cluster.Get("snapshot_identifier") is TfString { Value: var arn } && arn.StartsWith("arn:", StringComparison.Ordinal)
            ? snapshots.FirstOrDefault(snapshot => snapshot.Get("db_cluster_snapshot_identifier") is TfString name && arn.EndsWith($":cluster-snapshot:{name.Value}", StringComparison.Ordinal))
            : null);
}
