using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>
/// <c>AWS::Neptune::DBCluster</c>, with the defaults of the Neptune API that CloudFormation calls: storage unencrypted,
/// deletion protection and IAM authentication off, one day of backups, port 8182. Its instances
/// (<c>AWS::Neptune::DBInstance</c>, declared apart) are joined for their Availability Zones. A cluster restored from a
/// snapshot or another cluster is encrypted as its source is unless it names <c>KmsKeyId</c>.
/// </summary>
internal sealed class NeptuneClusterCloudFormationMapper : CloudFormationMapper<NeptuneCluster>
{
    private const string InstanceType = "AWS::Neptune::DBInstance";

    // What a cluster restored from a snapshot, or at a point in time from another cluster, names as its source.
    private static readonly string[] RestoreSources = ["SnapshotIdentifier", "SourceDBClusterIdentifier"];

    public override string ResourceType => NeptuneCluster.Descriptor.Type;

    public override NeptuneCluster Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var restoredFrom = RestoredFrom(resource);
        var namesKey = resource.Get("KmsKeyId") is not (TemplateNull or TemplateText { Value.Length: 0 });
        var restoredReason = restoredFrom is null ? null : Texts.Canonical("reasons.cloudformation-restored-cluster", ("source", restoredFrom));
        return Settings(resource).SetOn(new NeptuneCluster
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "DBClusterIdentifier"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = restoredReason is null ? TemplateFacts.Bool(resource, "StorageEncrypted", whenNotSet: false)
                : namesKey ? Fact.Known(true)
                : Fact.Unknown<bool>(restoredReason),
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = restoredReason is not null && !namesKey ? new KeyReference.Undetermined(restoredReason) : keys.Resolve(resource, "KmsKeyId"),
        });
    }

    public override NeptuneCluster Join(NeptuneCluster resource, TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(scope);
        var instances = scope.OfType(InstanceType).Where(instance => BelongsTo(instance, resource)).ToList();
        return instances.Count == 0 ? resource : resource with
        {
            MultiAz = MultiAz(instances),
            Instances = Fact.Known<IReadOnlyList<DbClusterMember>>([.. instances.Select(Member)]),
        };
    }

    private static DbClusterSettings Settings(TemplateResource resource) => new()
    {
        Engine = Fact.Known<string?>(DbClusterEngine.Neptune.DefaultEngine),
        DeletionProtection = TemplateFacts.Bool(resource, "DeletionProtection", whenNotSet: false),
        BackupRetentionPeriod = TemplateFacts.Int(resource, "BackupRetentionPeriod", whenNotSet: 1),
        IamDatabaseAuthentication = TemplateFacts.Bool(resource, "IamAuthEnabled", whenNotSet: false),
        EnabledCloudwatchLogsExports = TemplateFacts.Strings(resource, "EnableCloudwatchLogsExports"),
        CopyTagsToSnapshot = TemplateFacts.Bool(resource, "CopyTagsToSnapshot", whenNotSet: false),
        EngineVersion = TemplateFacts.OptionalString(resource, "EngineVersion"),
        SubnetGroup = TemplateFacts.OptionalString(resource, "DBSubnetGroupName"),
        VpcSecurityGroupIds = TemplateFacts.Strings(resource, "VpcSecurityGroupIds"),
        ClusterParameterGroup = TemplateFacts.OptionalString(resource, "DBClusterParameterGroupName"),
        IamRoles = Roles(resource),
        Port = TemplateFacts.Int(resource, "DBPort", whenNotSet: 8182),
        PreferredBackupWindow = TemplateFacts.OptionalString(resource, "PreferredBackupWindow"),
        PreferredMaintenanceWindow = TemplateFacts.OptionalString(resource, "PreferredMaintenanceWindow"),
        ServerlessV2Scaling = Scaling(resource),

        // Joined from the cluster's instances.
        MultiAz = Fact.Unknown<bool>(Texts.Canonical("reasons.cluster-instance-not-found", ("type", InstanceType))),
        Instances = Fact.Known<IReadOnlyList<DbClusterMember>>([]),
    };

    private static string? RestoredFrom(TemplateResource resource) =>
        RestoreSources.Select(resource.Get).FirstOrDefault(value => value is not (TemplateNull or TemplateText { Value.Length: 0 }))?.Describe();

    // AssociatedRoles: [{RoleArn, FeatureName}].
    private static Fact<IReadOnlyList<string>> Roles(TemplateResource resource) => resource.Get("AssociatedRoles") switch
    {
        TemplateNull => Fact.Known<IReadOnlyList<string>>([]),
        TemplateList { Items: var items } when items.All(item => item is TemplateMap map && map.Get("RoleArn") is TemplateText) =>
            Fact.Known<IReadOnlyList<string>>([.. items.Cast<TemplateMap>().Select(map => ((TemplateText)map.Get("RoleArn")!).Value)]),
        var other => TemplateFacts.NotKnown<IReadOnlyList<string>>(resource, "AssociatedRoles", other, "List"),
    };

    private static Fact<ServerlessV2Scaling?> Scaling(TemplateResource resource) => resource.Get("ServerlessScalingConfiguration") switch
    {
        TemplateNull => Fact.Known<ServerlessV2Scaling?>(null),
        TemplateMap map when map.Get("MinCapacity") is TemplateText min && map.Get("MaxCapacity") is TemplateText max
            && decimal.TryParse(min.Value, System.Globalization.CultureInfo.InvariantCulture, out var low)
            && decimal.TryParse(max.Value, System.Globalization.CultureInfo.InvariantCulture, out var high) => Fact.Known<ServerlessV2Scaling?>(new(low, high)),
        var other => TemplateFacts.NotKnown<ServerlessV2Scaling?>(resource, "ServerlessScalingConfiguration", other, "ServerlessScalingConfiguration"),
    };

    // By Ref, or by the same literal cluster identifier.
    private static bool BelongsTo(TemplateResource instance, NeptuneCluster cluster) =>
        TemplateScope.RefersTo(instance, "DBClusterIdentifier", cluster)
        || (instance.Get("DBClusterIdentifier") is TemplateText { Value: var named } && cluster.Name is { IsKnown: true, Value: var name } && string.Equals(named, name, StringComparison.OrdinalIgnoreCase));

    private static DbClusterMember Member(TemplateResource instance) => new(
        Known(TemplateFacts.OptionalString(instance, "DBInstanceIdentifier")) ?? instance.LogicalId,
        Known(TemplateFacts.OptionalString(instance, "DBInstanceClass")),
        Known(TemplateFacts.OptionalString(instance, "AvailabilityZone")),
        PromotionTier: null,
        Known(TemplateFacts.OptionalString(instance, "DBParameterGroupName")));

    private static string? Known(Fact<string?> fact) => fact.IsKnown ? fact.Value : null;

    // One instance is in one zone wherever AWS puts it; more are spread when two name different zones.
    private static Fact<bool> MultiAz(List<TemplateResource> instances)
    {
        if (instances.Count == 1)
        {
            return Fact.Known(false);
        }

        var zones = instances.Select(instance => (instance, zone: instance.Get("AvailabilityZone"))).ToList();
        if (zones.Select(z => z.zone).OfType<TemplateText>().Select(zone => zone.Value).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            return Fact.Known(true);
        }

        return zones.FirstOrDefault(z => z.zone is not TemplateText) is var (open, zone) && open is not null
            ? zone is TemplateNull
                ? Fact.Unknown<bool>(Texts.Canonical("reasons.cloudformation-zone-chosen-at-deploy", ("resource", open.Id)))
                : TemplateFacts.NotKnown<bool>(open, "AvailabilityZone", zone, "String")
            : Fact.Known(false);
    }
}
