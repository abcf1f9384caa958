using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// <c>aws_elasticache_replication_group</c> (AWS provider 5.x and 6.x alike): <c>at_rest_encryption_enabled</c> has no
/// provider default and is sent only when set, so an unset one takes <c>CreateReplicationGroup</c>'s default: on for
/// Valkey, off for Redis OSS — and the provider asks for <c>redis</c> when <c>engine</c> is not set. Encrypted without
/// <c>kms_key_id</c>, the group is on ElastiCache's default, service-owned key (AWS-owned; ElastiCache has no
/// <c>aws/elasticache</c> key). A member of a global datastore (<c>global_replication_group_id</c>) is encrypted as that
/// datastore's primary is, which this resource does not say.
/// </summary>
internal sealed class ElastiCacheReplicationGroupTerraformMapper : ResourceMapper<ElastiCacheReplicationGroup>
{
    private const string EncryptedArgument = "at_rest_encryption_enabled";
    private const string KeyArgument = "kms_key_id";
    private const string GlobalArgument = "global_replication_group_id";
    private const string LogDeliveryBlock = "log_delivery_configuration";

    public override string TerraformType => "aws_elasticache_replication_group";

    public override ElastiCacheReplicationGroup Map(IResourceView view, KeyResolver keys)
    {
        var (encrypted, key) = RdsStorageMapping.Names(view, GlobalArgument)
            ? RdsStorageMapping.Inherited(Texts.Canonical("reasons.replication-group-in-global-datastore", ("datastore", view.Describe(GlobalArgument))))
            : (Encrypted(view), RdsStorageMapping.Names(view, KeyArgument) ? keys.Resolve(view, KeyArgument) : new KeyReference.AwsOwned());
        return new ElastiCacheReplicationGroup
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "replication_group_id"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = Facts.OptionalString(view, KeyArgument),
            Key = key,
            Description = Facts.OptionalString(view, "description"),
            Engine = Facts.OptionalString(view, "engine"),
            EngineVersion = Facts.OptionalString(view, "engine_version"),
            NodeType = Facts.OptionalString(view, "node_type"),
            ClusterMode = Facts.OptionalString(view, "cluster_mode"),
            NumNodeGroups = Facts.Int(view, "num_node_groups", whenNotSet: 0),
            ReplicasPerNodeGroup = Facts.Int(view, "replicas_per_node_group", whenNotSet: 0),
            NumCacheClusters = Facts.Int(view, "num_cache_clusters", whenNotSet: 0),

            // The provider has no argument for a shard's slots or zones: AWS lays the shards out.
            NodeGroups = Fact.Known<IReadOnlyList<ElastiCacheNodeGroup>>([]),
            PreferredAvailabilityZones = Facts.Strings(view, "preferred_cache_cluster_azs"),
            MultiAz = Facts.Bool(view, "multi_az_enabled", whenNotSet: false),
            AutomaticFailover = Facts.Bool(view, "automatic_failover_enabled", whenNotSet: false),
            SubnetGroup = Facts.OptionalString(view, "subnet_group_name"),
            SecurityGroupIds = Facts.Strings(view, "security_group_ids"),
            ParameterGroup = Facts.OptionalString(view, "parameter_group_name"),
            Port = Facts.Int(view, "port", whenNotSet: 0),
            TransitEncryption = Facts.Bool(view, "transit_encryption_enabled", whenNotSet: false),
            TransitEncryptionMode = Facts.OptionalString(view, "transit_encryption_mode"),

            // The token itself is a secret the fix never prints: only whether one is required.
            AuthTokenEnabled = Facts.OptionalString(view, "auth_token").Map(token => token is { Length: > 0 }),
            UserGroupIds = Facts.Strings(view, "user_group_ids"),
            SnapshotRetentionLimit = Facts.Int(view, "snapshot_retention_limit", whenNotSet: 0),
            AutoMinorVersionUpgrade = Facts.Bool(view, "auto_minor_version_upgrade", whenNotSet: true),
            SnapshotWindow = Facts.OptionalString(view, "snapshot_window"),
            MaintenanceWindow = Facts.OptionalString(view, "maintenance_window"),
            NotificationTopicArn = Facts.OptionalString(view, "notification_topic_arn"),
            LogDelivery = LogDelivery(view),
            DataTiering = Facts.Bool(view, "data_tiering_enabled", whenNotSet: false),
            NetworkType = Facts.OptionalString(view, "network_type"),
            IpDiscovery = Facts.OptionalString(view, "ip_discovery"),
        };
    }

    // Each log_delivery_configuration block; one whose fields are not all known makes them all unknown.
    private static Fact<IReadOnlyList<ElastiCacheLogDelivery>> LogDelivery(IResourceView view)
    {
        IReadOnlyList<TfValue> blocks = view.Get(LogDeliveryBlock) switch
        {
            TfNull => [],
            TfUnknown unknown => [unknown],
            TfSequence sequence => sequence.Items,
            var single => [single],
        };
        var deliveries = new List<ElastiCacheLogDelivery>();
        foreach (var block in blocks)
        {
            if (block is not TfObject body)
            {
                return Fact.Unknown<IReadOnlyList<ElastiCacheLogDelivery>>(block is TfUnknown unknown ? unknown.Reason : Texts.Canonical("reasons.block-fields-not-read", ("type", LogDeliveryBlock)));
            }

            var fields = new BlockView(view, LogDeliveryBlock, body);
            var (type, destinationType, destination, format) = (Facts.OptionalString(fields, "log_type"), Facts.OptionalString(fields, "destination_type"), Facts.OptionalString(fields, "destination"), Facts.OptionalString(fields, "log_format"));

            // (A fact is a struct: FirstOrDefault would give an empty one, not null, when every field is given.)
            Fact<string?>[] given = [type, destinationType, destination, format];
            if (given.Any(field => !field.IsKnown || field.Value is null))
            {
                return Fact.Unknown<IReadOnlyList<ElastiCacheLogDelivery>>(given.Select(field => field.Reason).FirstOrDefault(reason => reason is not null) ?? Texts.Canonical("reasons.block-fields-not-read", ("type", LogDeliveryBlock)));
            }

            deliveries.Add(new ElastiCacheLogDelivery(type.Value!, destinationType.Value!, destination.Value!, format.Value!));
        }

        return Fact.Known<IReadOnlyList<ElastiCacheLogDelivery>>(deliveries);
    }

    // The argument is a nullable bool: "" means not set, like null.
    private static Fact<bool> Encrypted(IResourceView view) => view.Get(EncryptedArgument) is TfNull or TfString { Value.Length: 0 }
        ? view.Get("engine") switch
        {
            TfUnknown unknown => Fact.Unknown<bool>(unknown.Reason),
            TfString { Value: var engine } => Fact.Known(string.Equals(engine, "valkey", StringComparison.OrdinalIgnoreCase)),
            _ => Fact.Known(false),
        }
        : Facts.Bool(view, EncryptedArgument, whenNotSet: false);
}
