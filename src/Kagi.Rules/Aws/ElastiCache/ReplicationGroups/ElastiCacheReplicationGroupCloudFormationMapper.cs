using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// <c>AWS::ElastiCache::ReplicationGroup</c>, as <see cref="ElastiCacheReplicationGroupTerraformMapper"/> maps
/// <c>aws_elasticache_replication_group</c>: an unset <c>AtRestEncryptionEnabled</c> takes
/// <c>CreateReplicationGroup</c>'s default, on for Valkey and off for Redis OSS, which is the engine when
/// <c>Engine</c> is not set. Encrypted without <c>KmsKeyId</c>, the group is on ElastiCache's service-owned key. A member
/// of a global datastore (<c>GlobalReplicationGroupId</c>) is encrypted as that datastore's primary is. The settings a
/// rebuild carries are read as the Terraform mapper and a live scan read them, and each shard's slots and zones
/// (<c>NodeGroupConfiguration</c>) too, which Terraform cannot declare.
/// </summary>
internal sealed class ElastiCacheReplicationGroupCloudFormationMapper : CloudFormationMapper<ElastiCacheReplicationGroup>
{
    private const string LogDeliveryProperty = "LogDeliveryConfigurations";

    public override string ResourceType => ElastiCacheReplicationGroup.Descriptor.Type;

    public override ElastiCacheReplicationGroup Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = DbClusterCloudFormation.Names(resource, "GlobalReplicationGroupId")
            ? DbClusterCloudFormation.Inherited(Texts.Canonical("reasons.replication-group-in-global-datastore", ("datastore", resource.Get("GlobalReplicationGroupId").Describe())))
            : (Encrypted(resource), DbClusterCloudFormation.Names(resource, "KmsKeyId") ? keys.Resolve(resource, "KmsKeyId") : new KeyReference.AwsOwned());
        var replicas = TemplateFacts.Int(resource, "ReplicasPerNodeGroup", whenNotSet: 0);
        return new ElastiCacheReplicationGroup
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "ReplicationGroupId"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
            Description = TemplateFacts.OptionalString(resource, "ReplicationGroupDescription"),
            Engine = TemplateFacts.OptionalString(resource, "Engine"),
            EngineVersion = TemplateFacts.OptionalString(resource, "EngineVersion"),
            NodeType = TemplateFacts.OptionalString(resource, "CacheNodeType"),
            ClusterMode = TemplateFacts.OptionalString(resource, "ClusterMode"),
            NumNodeGroups = TemplateFacts.Int(resource, "NumNodeGroups", whenNotSet: 0),
            ReplicasPerNodeGroup = replicas,
            NodeGroups = Each(resource, "NodeGroupConfiguration", shard => NodeGroup(shard, replicas)),
            NumCacheClusters = TemplateFacts.Int(resource, "NumCacheClusters", whenNotSet: 0),
            PreferredAvailabilityZones = TemplateFacts.Strings(resource, "PreferredCacheClusterAZs"),
            MultiAz = TemplateFacts.Bool(resource, "MultiAZEnabled", whenNotSet: false),
            AutomaticFailover = TemplateFacts.Bool(resource, "AutomaticFailoverEnabled", whenNotSet: false),
            SubnetGroup = TemplateFacts.OptionalString(resource, "CacheSubnetGroupName"),
            SecurityGroupIds = TemplateFacts.Strings(resource, "SecurityGroupIds"),
            ParameterGroup = TemplateFacts.OptionalString(resource, "CacheParameterGroupName"),
            Port = TemplateFacts.Int(resource, "Port", whenNotSet: 0),
            TransitEncryption = TemplateFacts.Bool(resource, "TransitEncryptionEnabled", whenNotSet: false),
            TransitEncryptionMode = TemplateFacts.OptionalString(resource, "TransitEncryptionMode"),

            // The token itself is a secret the fix never prints: only whether one is required.
            AuthTokenEnabled = TemplateFacts.IsSet(resource, "AuthToken"),
            UserGroupIds = TemplateFacts.Strings(resource, "UserGroupIds"),
            SnapshotRetentionLimit = TemplateFacts.Int(resource, "SnapshotRetentionLimit", whenNotSet: 0),
            AutoMinorVersionUpgrade = TemplateFacts.Bool(resource, "AutoMinorVersionUpgrade", whenNotSet: true),
            SnapshotWindow = TemplateFacts.OptionalString(resource, "SnapshotWindow"),
            MaintenanceWindow = TemplateFacts.OptionalString(resource, "PreferredMaintenanceWindow"),
            NotificationTopicArn = TemplateFacts.OptionalString(resource, "NotificationTopicArn"),
            LogDelivery = Each(resource, LogDeliveryProperty, LogDelivery),
            DataTiering = TemplateFacts.Bool(resource, "DataTieringEnabled", whenNotSet: false),
            NetworkType = TemplateFacts.OptionalString(resource, "NetworkType"),
            IpDiscovery = TemplateFacts.OptionalString(resource, "IpDiscovery"),
        };
    }

    // A shard as configured; one whose ReplicaCount is left out has the group's ReplicasPerNodeGroup.
    private static Fact<ElastiCacheNodeGroup> NodeGroup(TemplateResource shard, Fact<int> replicas)
    {
        var (id, slots, primary) = (TemplateFacts.OptionalString(shard, "NodeGroupId"), TemplateFacts.OptionalString(shard, "Slots"), TemplateFacts.OptionalString(shard, "PrimaryAvailabilityZone"));
        var zones = TemplateFacts.Strings(shard, "ReplicaAvailabilityZones");
        var count = shard.Get("ReplicaCount") is TemplateNull ? replicas : TemplateFacts.Int(shard, "ReplicaCount", whenNotSet: 0);
        return (id.Reason ?? slots.Reason ?? primary.Reason ?? zones.Reason ?? count.Reason) is { } reason
            ? Fact.Unknown<ElastiCacheNodeGroup>(reason)
            : Fact.Known(new ElastiCacheNodeGroup(id.Value, slots.Value, count.Value, primary.Value, zones.Value));
    }

    // A log and where it goes: its CloudWatch log group or its Firehose delivery stream.
    private static Fact<ElastiCacheLogDelivery> LogDelivery(TemplateResource delivery)
    {
        var details = TemplateFacts.Nested(delivery, "DestinationDetails");
        var destination = details.IsKnown && details.Value is { } where
            ? Destination(where, "CloudWatchLogsDetails", "LogGroup") ?? Destination(where, "KinesisFirehoseDetails", "DeliveryStream") ?? Fact.Known<string?>(null)
            : Fact.Unknown<string?>(details.Reason!);
        Fact<string?>[] fields = [TemplateFacts.OptionalString(delivery, "LogType"), TemplateFacts.OptionalString(delivery, "DestinationType"), destination, TemplateFacts.OptionalString(delivery, "LogFormat")];
        return fields.Any(field => !field.IsKnown || field.Value is null)
            ? Fact.Unknown<ElastiCacheLogDelivery>(fields.Select(field => field.Reason).FirstOrDefault(reason => reason is not null) ?? Texts.Canonical("reasons.block-fields-not-read", ("type", LogDeliveryProperty)))
            : Fact.Known(new ElastiCacheLogDelivery(fields[0].Value!, fields[1].Value!, fields[2].Value!, fields[3].Value!));
    }

    // The destination named in one kind of details; null when the delivery has none of that kind.
    private static Fact<string?>? Destination(TemplateResource details, string kind, string name) => TemplateFacts.Nested(details, kind) switch
    {
        { IsKnown: false } unknown => Fact.Unknown<string?>(unknown.Reason!),
        { Value: { } within } => TemplateFacts.OptionalString(within, name),
        _ => null,
    };

    // Each item of a list of property maps, read as the resource is; none when the list is not set, unknown when any item is.
    private static Fact<IReadOnlyList<T>> Each<T>(TemplateResource resource, string property, Func<TemplateResource, Fact<T>> readItem)
    {
        var value = resource.Get(property);
        if (value is TemplateNull)
        {
            return Fact.Known<IReadOnlyList<T>>([]);
        }

        if (value is not TemplateList list)
        {
            return TemplateFacts.NotKnown<IReadOnlyList<T>>(resource, property, value, "List");
        }

        var items = new List<T>();
        foreach (var item in list.Items)
        {
            var read = item is TemplateMap map ? readItem(resource.Within(map)) : TemplateFacts.NotKnown<T>(resource, property, item, "Map");
            if (!read.IsKnown)
            {
                return Fact.Unknown<IReadOnlyList<T>>(read.Reason!);
            }

            items.Add(read.Value);
        }

        return Fact.Known<IReadOnlyList<T>>(items);
    }

    private static Fact<bool> Encrypted(TemplateResource resource) => resource.Get("AtRestEncryptionEnabled") is TemplateNull
        ? TemplateFacts.OptionalString(resource, "Engine").Map(engine => string.Equals(engine, "valkey", StringComparison.OrdinalIgnoreCase))
        : TemplateFacts.Bool(resource, "AtRestEncryptionEnabled", whenNotSet: false);
}
