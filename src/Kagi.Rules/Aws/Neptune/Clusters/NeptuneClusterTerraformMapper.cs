using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>
/// <c>aws_neptune_cluster</c>; the provider's default for <c>storage_encrypted</c> is false. Its instances
/// (<c>aws_neptune_cluster_instance</c>, declared apart) are joined for their Availability Zones.
/// </summary>
internal sealed class NeptuneClusterTerraformMapper : ResourceMapper<NeptuneCluster>
{
    public const string ClusterType = "aws_neptune_cluster";
    private const string InstanceType = "aws_neptune_cluster_instance";

    public override string TerraformType => ClusterType;

    public override NeptuneCluster Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = Facts.Name(view, "cluster_identifier", "cluster_identifier_prefix"),
        StorageEncrypted = Facts.Bool(view, "storage_encrypted", whenNotSet: false),
        KmsKeyId = Facts.OptionalString(view, "kms_key_arn"),
        Key = keys.Resolve(view, "kms_key_arn"),
        DeletionProtection = Facts.Bool(view, "deletion_protection", whenNotSet: false),
        BackupRetentionPeriod = Facts.Int(view, "backup_retention_period", whenNotSet: 1),
        IamDatabaseAuthentication = Facts.Bool(view, "iam_database_authentication_enabled", whenNotSet: false),
        EnabledCloudwatchLogsExports = Facts.Strings(view, "enable_cloudwatch_logs_exports"),
        CopyTagsToSnapshot = Facts.Bool(view, "copy_tags_to_snapshot", whenNotSet: false),

        // Joined from the cluster's aws_neptune_cluster_instance resources.
        MultiAz = Fact.Unknown<bool>(Texts.Canonical("reasons.cluster-instance-not-found", ("type", InstanceType))),
    };

    public override NeptuneCluster Join(NeptuneCluster resource, JoinScope scope)
    {
        var clusters = scope.OfType(ClusterType).ToList();
        var instances = scope.OfType(InstanceType)
            .Where(instance => JoinScope.Referenced(instance, "cluster_identifier", clusters, "cluster_identifier")?.Address == resource.Id)
            .ToList();
        return resource with { MultiAz = MultiAz(instances) ?? resource.MultiAz };
    }

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
