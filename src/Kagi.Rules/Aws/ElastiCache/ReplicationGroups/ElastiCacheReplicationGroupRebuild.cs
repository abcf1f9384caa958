using System.Text;
using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// What a rebuild of an ElastiCache replication group under another key carries across, as the scan read it, in a failing
/// finding's evidence (so a stored finding prints the same fix), and the parts of the fix built from it: the
/// <c>create-replication-group</c> from the snapshot with every setting, the console's list and Terraform's arguments.
/// Each setting is named by its AWS CLI option, with its <c>aws_elasticache_replication_group</c> argument.
/// </summary>
public sealed class ElastiCacheReplicationGroupRebuild : IFixBuilder
{
    private const string DescriptionOption = "--replication-group-description";
    private const string AuthOption = "--auth-token";

    private static readonly OptionRebuild<ElastiCacheReplicationGroup> Rebuild = new(
    [
        new(DescriptionOption, "description", Texts.Name("fixes.setting-description"), group => Json(group.Description)),
        new("--engine", "engine", Texts.Name("fixes.setting-engine"), group => Json(group.Engine)),
        new("--engine-version", "engine_version", Texts.Name("fixes.setting-engine-version"), group => Json(group.EngineVersion)),
        new("--cache-node-type", "node_type", Texts.Name("fixes.setting-node-type"), group => Json(group.NodeType)),
        new("--cluster-mode", "cluster_mode", Texts.Name("fixes.setting-cluster-mode"), group => Json(group.ClusterMode)),
        new("--num-node-groups", "num_node_groups", Texts.Name("fixes.setting-shards"), group => Set(group.NumNodeGroups)),
        new("--replicas-per-node-group", "replicas_per_node_group", Texts.Name("fixes.setting-replicas"), group => Set(group.ReplicasPerNodeGroup)),
        new("--node-group-configuration", "num_node_groups", Texts.Name("fixes.setting-shard-layout"), NodeGroups, NodeGroupOption, NoTerraformArgument),
        new("--num-cache-clusters", "num_cache_clusters", Texts.Name("fixes.setting-nodes"), group => Set(group.NumCacheClusters)),
        new("--preferred-cache-cluster-azs", "preferred_cache_cluster_azs", Texts.Name("fixes.setting-node-zones"), group => Json(group.PreferredAvailabilityZones)),
        new("--multi-az-enabled", "multi_az_enabled", Texts.Name("fixes.setting-multi-az"), group => Json(group.MultiAz)),
        new("--automatic-failover-enabled", "automatic_failover_enabled", Texts.Name("fixes.setting-automatic-failover"), group => Json(group.AutomaticFailover)),
        new("--cache-subnet-group-name", "subnet_group_name", Texts.Name("fixes.setting-cache-subnet-group"), group => Json(group.SubnetGroup)),
        new("--security-group-ids", "security_group_ids", Texts.Name("fixes.setting-security-groups"), group => Json(group.SecurityGroupIds)),
        new("--cache-parameter-group-name", "parameter_group_name", Texts.Name("fixes.setting-cache-parameter-group"), group => Json(group.ParameterGroup)),
        new("--port", "port", Texts.Name("fixes.setting-port"), group => Set(group.Port)),
        new("--transit-encryption-enabled", "transit_encryption_enabled", Texts.Name("fixes.setting-transit-encryption"), group => Json(group.TransitEncryption)),
        new("--transit-encryption-mode", "transit_encryption_mode", Texts.Name("fixes.setting-transit-encryption-mode"), group => Json(group.TransitEncryptionMode)),
        new(AuthOption, "auth_token", Texts.Name("fixes.setting-auth-token"), group => Json(group.AuthTokenEnabled), AuthToken, AuthTokenArgument),
        new("--user-group-ids", "user_group_ids", Texts.Name("fixes.setting-user-groups"), group => Json(group.UserGroupIds)),
        new("--auto-minor-version-upgrade", "auto_minor_version_upgrade", Texts.Name("fixes.setting-auto-minor-version-upgrade"), group => Json(group.AutoMinorVersionUpgrade)),
        new("--snapshot-retention-limit", "snapshot_retention_limit", Texts.Name("fixes.setting-snapshot-retention"), group => Json(group.SnapshotRetentionLimit)),
        new("--snapshot-window", "snapshot_window", Texts.Name("fixes.setting-snapshot-window"), group => Json(group.SnapshotWindow)),
        new("--preferred-maintenance-window", "maintenance_window", Texts.Name("fixes.setting-maintenance-window"), group => Json(group.MaintenanceWindow)),
        new("--notification-topic-arn", "notification_topic_arn", Texts.Name("fixes.setting-notification-topic"), group => Json(group.NotificationTopicArn)),
        new("--log-delivery-configurations", "log_delivery_configuration", Texts.Name("fixes.setting-log-delivery"), LogDelivery, LogDeliveryOption, LogDeliveryBlocks),
        new("--data-tiering-enabled", "data_tiering_enabled", Texts.Name("fixes.setting-data-tiering"), group => WhenOn(group.DataTiering)),
        new("--network-type", "network_type", Texts.Name("fixes.setting-network-type"), group => Json(group.NetworkType)),
        new("--ip-discovery", "ip_discovery", Texts.Name("fixes.setting-ip-discovery"), group => Json(group.IpDiscovery)),
        new("--tags", "tags", Texts.Name("fixes.setting-tags"), OptionRebuild<ElastiCacheReplicationGroup>.OwnTags),
    ]);

    /// <summary>The evidence a failing finding of a rebuild-only fix carries: each setting read, by option (JSON null: left to AWS).</summary>
    public static (string Key, string? Value) Evidence(ElastiCacheReplicationGroup group) => Rebuild.Evidence(group);

    public IReadOnlyDictionary<string, string> Build(RemediationMedium medium, IReadOnlyDictionary<string, string?> evidence, Language language)
    {
        ArgumentNullException.ThrowIfNull(medium);
        var read = Rebuild.Read(evidence);
        if (medium == RemediationMedium.AwsCli)
        {
            var named = read.Set.Any(pair => pair.Setting.Option == DescriptionOption);
            var auth = read.Set.Any(pair => pair.Setting.Option == AuthOption && pair.Value.ValueKind == JsonValueKind.True);
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["notRead"] = read.NotReadComment(language),

                // Asked for before anything is made: the script stops here when the token is not given.
                ["auth"] = auth ? RebuildScript.Comment(Texts.Get(language, "fixes.elasticache-auth-token")) + "\n: \"${AUTH_TOKEN:?}\"\n" : string.Empty,
                ["create"] = RebuildScript.Command(
                    "aws elasticache create-replication-group --region \"$REGION\"",
                    [
                        "--replication-group-id \"$NEW\"",
                        .. named ? Array.Empty<string>() : [$"{DescriptionOption} \"Copy of ${{OLD}} under a customer-managed key\""],
                        "--snapshot-name \"$SNAPSHOT\"",
                        "--at-rest-encryption-enabled --kms-key-id \"$KEY_ARN\"",
                        .. read.Options(_ => true),
                    ]),
            };
        }

        return medium == RemediationMedium.Console
            ? new Dictionary<string, string>(StringComparer.Ordinal) { ["keep"] = read.ConsoleList(language) }
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["arguments"] = read.TerraformArguments(language) };
    }

    private static Fact<JsonElement?> Json<T>(Fact<T> fact) => OptionRebuild<ElastiCacheReplicationGroup>.Json(fact);

    // A count of 0 is none set: left to AWS.
    private static Fact<JsonElement?> Set(Fact<int> count) => count is { IsKnown: true, Value: 0 } ? Fact.Known<JsonElement?>(null) : Json(count);

    // Off is AWS's default, and the only choice of node types without SSDs: said only when on.
    private static Fact<JsonElement?> WhenOn(Fact<bool> flag) => flag is { IsKnown: true, Value: false } ? Fact.Known<JsonElement?>(null) : Json(flag);

    // No API returns the token: the script passes the one it is given.
    private static string[] AuthToken(JsonElement required) => required.ValueKind == JsonValueKind.True ? [$"{AuthOption} \"$AUTH_TOKEN\""] : [];

    private static string[] AuthTokenArgument(JsonElement required) => required.ValueKind == JsonValueKind.True ? ["auth_token = var.auth_token"] : [];

    private static Fact<JsonElement?> LogDelivery(ElastiCacheReplicationGroup group) => group.LogDelivery.IsKnown
        ? Fact.Known<JsonElement?>(JsonSerializer.SerializeToElement(group.LogDelivery.Value, ElastiCacheJson.Default.IReadOnlyListElastiCacheLogDelivery))
        : Fact.Unknown<JsonElement?>(group.LogDelivery.Reason!);

    // None configured is AWS's layout: said as left to AWS.
    private static Fact<JsonElement?> NodeGroups(ElastiCacheReplicationGroup group) => group.NodeGroups switch
    {
        { IsKnown: false } unknown => Fact.Unknown<JsonElement?>(unknown.Reason!),
        { Value.Count: 0 } => Fact.Known<JsonElement?>(null),
        var known => Fact.Known<JsonElement?>(JsonSerializer.SerializeToElement(known.Value, ElastiCacheJson.Default.IReadOnlyListElastiCacheNodeGroup)),
    };

    // The option's own JSON: each shard with what was configured of it, the rest left to AWS.
    private static string[] NodeGroupOption(JsonElement value)
    {
        var shards = value.Deserialize(ElastiCacheJson.Default.IReadOnlyListElastiCacheNodeGroup) ?? [];
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var shard in shards)
            {
                json.WriteStartObject();
                WriteIfSet(json, "NodeGroupId", shard.NodeGroupId);
                WriteIfSet(json, "Slots", shard.Slots);
                json.WriteNumber("ReplicaCount", shard.ReplicaCount);
                WriteIfSet(json, "PrimaryAvailabilityZone", shard.PrimaryAvailabilityZone);
                if (shard.ReplicaAvailabilityZones.Count > 0)
                {
                    json.WriteStartArray("ReplicaAvailabilityZones");
                    foreach (var zone in shard.ReplicaAvailabilityZones)
                    {
                        json.WriteStringValue(zone);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return RebuildScript.Option("--node-group-configuration", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    // The provider has no argument for a shard's slots or zones: num_node_groups and replicas_per_node_group say what it can,
    // and the group the AWS CLI fix made keeps its layout once imported.
    private static string[] NoTerraformArgument(JsonElement value) => [];

    private static IReadOnlyList<ElastiCacheLogDelivery> Deliveries(JsonElement value) => value.Deserialize(ElastiCacheJson.Default.IReadOnlyListElastiCacheLogDelivery) ?? [];

    // The option's own JSON: each log to its CloudWatch log group or Firehose stream.
    private static string[] LogDeliveryOption(JsonElement value)
    {
        var deliveries = Deliveries(value);
        if (deliveries.Count == 0)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var delivery in deliveries)
            {
                json.WriteStartObject();
                json.WriteString("LogType", delivery.LogType);
                json.WriteString("DestinationType", delivery.DestinationType);
                json.WriteStartObject("DestinationDetails");
                var firehose = delivery.DestinationType == "kinesis-firehose";
                json.WriteStartObject(firehose ? "KinesisFirehoseDetails" : "CloudWatchLogsDetails");
                json.WriteString(firehose ? "DeliveryStream" : "LogGroup", delivery.Destination);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteString("LogFormat", delivery.LogFormat);
                json.WriteBoolean("Enabled", true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return RebuildScript.Option("--log-delivery-configurations", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string[] LogDeliveryBlocks(JsonElement value) =>
    [
        .. Deliveries(value).SelectMany(delivery => new[]
        {
            "log_delivery_configuration {",
            $"  destination      = \"{Placeholders.HclString(delivery.Destination)}\"",
            $"  destination_type = \"{Placeholders.HclString(delivery.DestinationType)}\"",
            $"  log_format       = \"{Placeholders.HclString(delivery.LogFormat)}\"",
            $"  log_type         = \"{Placeholders.HclString(delivery.LogType)}\"",
            "}",
        }),
    ];
}
