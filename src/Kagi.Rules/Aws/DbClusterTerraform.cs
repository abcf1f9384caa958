using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws;

/// <summary>
/// The settings of a DB cluster family's Terraform cluster resource (<c>aws_neptune_cluster</c>, <c>aws_rds_cluster</c>)
/// under the kind's argument names, and its instances, declared apart (<c>aws_neptune_cluster_instance</c>,
/// <c>aws_rds_cluster_instance</c>) and joined to it for their zones and for the rebuild.
/// </summary>
internal static class DbClusterTerraform
{
    /// <summary>The cluster's settings as written, the provider's defaults for those left out; its instances are the join's.</summary>
    public static DbClusterSettings Settings(IResourceView view, DbClusterEngine engine)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(engine);
        string Argument(string option) => engine.TerraformArguments[option];
        var engineName = Facts.OptionalString(view, "engine") is { IsKnown: true, Value: null } ? Fact.Known(engine.DefaultEngine) : Facts.OptionalString(view, "engine");
        return new()
        {
            Engine = engineName,
            DeletionProtection = Facts.Bool(view, "deletion_protection", whenNotSet: false),
            BackupRetentionPeriod = Facts.Int(view, "backup_retention_period", whenNotSet: 1),
            IamDatabaseAuthentication = Facts.Bool(view, "iam_database_authentication_enabled", whenNotSet: false),
            EnabledCloudwatchLogsExports = Facts.Strings(view, Argument("--enable-cloudwatch-logs-exports")),
            CopyTagsToSnapshot = Facts.Bool(view, "copy_tags_to_snapshot", whenNotSet: false),
            EngineVersion = Facts.OptionalString(view, "engine_version"),
            SubnetGroup = Facts.OptionalString(view, Argument("--db-subnet-group-name")),
            VpcSecurityGroupIds = Facts.Strings(view, "vpc_security_group_ids"),
            ClusterParameterGroup = Facts.OptionalString(view, Argument("--db-cluster-parameter-group-name")),
            IamRoles = Facts.Strings(view, "iam_roles"),
            Port = engineName is { IsKnown: true, Value: { } name } ? Facts.Int(view, "port", whenNotSet: engine.DefaultPort(name))
                : view.Get("port") is not TfNull ? Facts.Int(view, "port", whenNotSet: 0)
                : Fact.Unknown<int>(engineName.Reason ?? Texts.Canonical("reasons.not-read")),
            PreferredBackupWindow = Facts.OptionalString(view, "preferred_backup_window"),
            PreferredMaintenanceWindow = Facts.OptionalString(view, "preferred_maintenance_window"),
            ServerlessV2Scaling = Scaling(view.Block("serverless_v2_scaling_configuration")),

            // Joined from the cluster's instances.
            MultiAz = Fact.Unknown<bool>(Texts.Canonical("reasons.cluster-instance-not-found", ("type", engine.InstanceType))),
            Instances = Fact.Known<IReadOnlyList<DbClusterMember>>([]),
        };
    }

    /// <summary>The cluster's instances and whether they span zones; null leaves the mapper's "no instance found" in place.</summary>
    public static (Fact<bool>? MultiAz, Fact<IReadOnlyList<DbClusterMember>> Instances) Instances(CloudResource cluster, JoinScope scope, DbClusterEngine engine)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(engine);
        var members = scope.Once(engine, () => Members.Of(scope, engine));
        var instances = members.ByCluster[cluster.Id].ToList();
        var undecidedReason = members.UndecidedReason;
        var matched = MultiAz(instances);
        return (
            matched is { IsKnown: true, Value: true } spread ? spread
                : undecidedReason is not null ? Fact.Unknown<bool>(undecidedReason)
                : matched,
            undecidedReason is not null
                ? Fact.Unknown<IReadOnlyList<DbClusterMember>>(undecidedReason)
                : Fact.Known<IReadOnlyList<DbClusterMember>>(instances.Count == 0 ? [] : [.. instances.Select(instance => Member(instance, engine))]));
    }

    // Which cluster each instance of the module belongs to, read once for all the module's clusters.
    private sealed record Members(ILookup<string, IResourceView> ByCluster, string? UndecidedReason)
    {
        public static Members Of(JoinScope scope, DbClusterEngine engine)
        {
            var clusters = scope.OfType(engine.ClusterType);
            var owners = scope.OfType(engine.InstanceType)
                .Select(instance => (instance, cluster: JoinScope.Referenced(instance, "cluster_identifier", clusters, "cluster_identifier")))
                .ToList();

            // An instance that names its cluster by an unknown value may belong to any cluster.
            var undecided = owners.Where(owner => owner.cluster is null && owner.instance.Get("cluster_identifier") is TfUnknown).Select(owner => owner.instance).ToList();
            return new(
                owners.Where(owner => owner.cluster is not null).ToLookup(owner => owner.cluster!.Address, owner => owner.instance, StringComparer.Ordinal),
                undecided.Count == 0 ? null : Texts.Canonical(
                    "reasons.instances-cluster-unknown",
                    ("instances", string.Join(", ", undecided.Select(instance => instance.Address))),
                    ("reason", ((TfUnknown)undecided[0].Get("cluster_identifier")).Reason)));
        }
    }

    // A setting written as an expression Kagi cannot evaluate is left null: the printed rebuild says it was not read.
    private static DbClusterMember Member(IResourceView instance, DbClusterEngine engine) => new(
        Facts.OptionalString(instance, "identifier") is { IsKnown: true, Value: { } name } ? name : instance.Address,
        Known(Facts.OptionalString(instance, "instance_class")),
        Known(Facts.OptionalString(instance, "availability_zone")),
        Facts.Int(instance, "promotion_tier", whenNotSet: 0) is { IsKnown: true } tier ? tier.Value : null,
        engine.InstanceParameterGroupArgument is { } parameters ? Known(Facts.OptionalString(instance, parameters)) : null);

    private static string? Known(Fact<string?> fact) => fact.IsKnown ? fact.Value : null;

    private static Fact<ServerlessV2Scaling?> Scaling(IResourceView? block) =>
        block is null ? Fact.Known<ServerlessV2Scaling?>(null)
            : (block.Get("min_capacity"), block.Get("max_capacity")) is (TfNumber min, TfNumber max) ? Fact.Known<ServerlessV2Scaling?>(new(min.Value, max.Value))
            : Fact.Unknown<ServerlessV2Scaling?>(Texts.Canonical("reasons.argument-value-after-apply", ("address", block.Address), ("argument", "min_capacity"), ("written", block.Describe("min_capacity"))));

    // Null when no instance was found.
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
