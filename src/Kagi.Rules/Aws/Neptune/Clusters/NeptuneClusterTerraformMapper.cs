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
    public const string ClusterType = "aws_neptune_cluster";
    private const string InstanceType = "aws_neptune_cluster_instance";
    private const string SnapshotType = "aws_neptune_cluster_snapshot";

    public override string TerraformType => ClusterType;

    public override NeptuneCluster Map(IResourceView view, KeyResolver keys) => new()
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
        DeletionProtection = Facts.Bool(view, "deletion_protection", whenNotSet: false),
        BackupRetentionPeriod = Facts.Int(view, "backup_retention_period", whenNotSet: 1),
        IamDatabaseAuthentication = Facts.Bool(view, "iam_database_authentication_enabled", whenNotSet: false),
        EnabledCloudwatchLogsExports = Facts.Strings(view, "enable_cloudwatch_logs_exports"),
        CopyTagsToSnapshot = Facts.Bool(view, "copy_tags_to_snapshot", whenNotSet: false),

        EngineVersion = Facts.OptionalString(view, "engine_version"),
        SubnetGroup = Facts.OptionalString(view, "neptune_subnet_group_name"),
        VpcSecurityGroupIds = Facts.Strings(view, "vpc_security_group_ids"),
        ClusterParameterGroup = Facts.OptionalString(view, "neptune_cluster_parameter_group_name"),
        IamRoles = Facts.Strings(view, "iam_roles"),
        Port = Facts.Int(view, "port", whenNotSet: 8182),
        PreferredBackupWindow = Facts.OptionalString(view, "preferred_backup_window"),
        PreferredMaintenanceWindow = Facts.OptionalString(view, "preferred_maintenance_window"),
        ServerlessV2Scaling = Scaling(view.Block("serverless_v2_scaling_configuration")),

        // Joined from the cluster's aws_neptune_cluster_instance resources.
        MultiAz = Fact.Unknown<bool>(Texts.Canonical("reasons.cluster-instance-not-found", ("type", InstanceType))),
        Instances = Fact.Known<IReadOnlyList<NeptuneClusterMember>>([]),
    };

    public override NeptuneCluster Join(NeptuneCluster resource, JoinScope scope)
    {
        var clusters = scope.OfType(ClusterType).ToList();
        var owners = scope.OfType(InstanceType)
            .Select(instance => (instance, cluster: JoinScope.Referenced(instance, "cluster_identifier", clusters, "cluster_identifier")))
            .ToList();
        var instances = owners.Where(owner => owner.cluster?.Address == resource.Id).Select(owner => owner.instance).ToList();

        // An instance that names its cluster by an unknown value may belong to this cluster as well.
        var undecided = owners.Where(owner => owner.cluster is null && owner.instance.Get("cluster_identifier") is TfUnknown).Select(owner => owner.instance).ToList();
        var undecidedReason = undecided.Count == 0 ? null : Texts.Canonical(
            "reasons.instances-cluster-unknown",
            ("instances", string.Join(", ", undecided.Select(instance => instance.Address))),
            ("reason", ((TfUnknown)undecided[0].Get("cluster_identifier")).Reason));
        var matched = MultiAz(instances);
        var joined = resource with
        {
            MultiAz = matched is { IsKnown: true, Value: true } spread ? spread
                : undecidedReason is not null ? Fact.Unknown<bool>(undecidedReason)
                : matched ?? resource.MultiAz,
            Instances = undecidedReason is not null
                ? Fact.Unknown<IReadOnlyList<NeptuneClusterMember>>(undecidedReason)
                : Fact.Known<IReadOnlyList<NeptuneClusterMember>>([.. instances.Select(Member)]),
        };
        return RestoredFrom(resource, scope) is { } snapshot ? joined with { StorageEncrypted = snapshot.StorageEncrypted, Key = snapshot.Key } : joined;
    }

    // A setting written as an expression Kagi cannot evaluate is left null: the printed rebuild says it was not read.
    private static NeptuneClusterMember Member(IResourceView instance) => new(
        Facts.OptionalString(instance, "identifier") is { IsKnown: true, Value: { } name } ? name : instance.Address,
        Known(Facts.OptionalString(instance, "instance_class")),
        Known(Facts.OptionalString(instance, "availability_zone")),
        Facts.Int(instance, "promotion_tier", whenNotSet: 0) is { IsKnown: true } tier ? tier.Value : null,
        Known(Facts.OptionalString(instance, "neptune_parameter_group_name")));

    private static string? Known(Fact<string?> fact) => fact.IsKnown ? fact.Value : null;

    private static Fact<NeptuneServerlessScaling?> Scaling(IResourceView? block) =>
        block is null ? Fact.Known<NeptuneServerlessScaling?>(null)
            : (block.Get("min_capacity"), block.Get("max_capacity")) is (TfNumber min, TfNumber max) ? Fact.Known<NeptuneServerlessScaling?>(new(min.Value, max.Value))
            : Fact.Unknown<NeptuneServerlessScaling?>(Texts.Canonical("reasons.argument-value-after-apply", ("address", block.Address), ("argument", "min_capacity"), ("written", block.Describe("min_capacity"))));

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

    // Null leaves the mapper's "no instance found" reason in place.
    private static Fact<bool>? MultiAz(List<IResourceView> instances)
    {
        if (instances.Count == 0)
        {
            return null;
        }

        // One instance is in one zone wherever AWS puts it.
        if (instances.Count == 1)
        {
            return Fact.Known(false);
        }

        var zones = instances.Select(instance => (instance, zone: instance.Get("availability_zone"))).ToList();
        var known = zones.Select(z => z.zone).OfType<TfString>().Select(zone => zone.Value).Distinct(StringComparer.Ordinal).ToList();
        if (known.Count > 1)
        {
            return Fact.Known(true);
        }

        return zones.FirstOrDefault(z => z.zone is not TfString) is var (open, zone) && open is not null
            ? Fact.Unknown<bool>(zone is TfNull
                ? Texts.Canonical("reasons.zone-chosen-at-apply", ("address", open.Address), ("argument", "availability_zone"))
                : Texts.Canonical("reasons.argument-value-after-apply", ("address", open.Address), ("argument", "availability_zone"), ("written", open.Describe("availability_zone"))))
            : Fact.Known(false);
    }
}
