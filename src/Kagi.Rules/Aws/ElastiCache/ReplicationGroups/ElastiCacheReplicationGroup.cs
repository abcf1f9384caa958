using System.Text.Json;
using System.Text.Json.Serialization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// An Amazon ElastiCache (Valkey or Redis OSS) replication group: encrypted at rest only when created so, under a key
/// ElastiCache owns unless it names a customer-managed one (there is no <c>aws/elasticache</c> AWS-managed key).
/// </summary>
public sealed record ElastiCacheReplicationGroup : CloudResource, IEncryptedAtRest
{
    // ASFF has no replication-group type.
    public static ResourceKind Descriptor { get; } = new("AWS::ElastiCache::ReplicationGroup", AsffType: ResourceKind.OtherAsffType, OcsfType: "AWS::ElastiCache::ReplicationGroup", Service: "elasticache");

    /// <summary>Whether at-rest encryption is on (the API's <c>AtRestEncryptionEnabled</c>).</summary>
    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }

    // What a rebuild under another key carries across (ElastiCacheReplicationGroupRebuild); null: left to AWS.
    [AbsentFromOlderInventories]
    public Fact<string?> Description { get; init; } = Fact.NotReported<string?>(nameof(Description));

    [AbsentFromOlderInventories]
    public Fact<string?> Engine { get; init; } = Fact.NotReported<string?>(nameof(Engine));

    /// <summary>Read from the group's member clusters: the group's own listing does not say.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> EngineVersion { get; init; } = Fact.NotReported<string?>(nameof(EngineVersion));

    [AbsentFromOlderInventories]
    public Fact<string?> NodeType { get; init; } = Fact.NotReported<string?>(nameof(NodeType));

    /// <summary><c>enabled</c>, <c>disabled</c> or <c>compatible</c>.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> ClusterMode { get; init; } = Fact.NotReported<string?>(nameof(ClusterMode));

    /// <summary>Shards; 0 when left to AWS.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> NumNodeGroups { get; init; } = Fact.NotReported<int>(nameof(NumNodeGroups));

    /// <summary>Replicas of each shard; 0 when left to AWS, given as <see cref="NumCacheClusters"/>, or differing between shards (each counted in <see cref="NodeGroups"/>).</summary>
    [AbsentFromOlderInventories]
    public Fact<int> ReplicasPerNodeGroup { get; init; } = Fact.NotReported<int>(nameof(ReplicasPerNodeGroup));

    /// <summary>Nodes of a group without shards, primary included, as Terraform may give them; 0 when left to AWS (live scans give <see cref="ReplicasPerNodeGroup"/>).</summary>
    [AbsentFromOlderInventories]
    public Fact<int> NumCacheClusters { get; init; } = Fact.NotReported<int>(nameof(NumCacheClusters));

    /// <summary>The primary's zone first, then each replica's (cluster mode disabled only; a sharded group's are in <see cref="NodeGroups"/>).</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> PreferredAvailabilityZones { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(PreferredAvailabilityZones));

    /// <summary>Each shard of a sharded group, as configured: its slots, replicas and zones; none when AWS lays them out (and for a group without shards).</summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<ElastiCacheNodeGroup>> NodeGroups { get; init; } = Fact.NotReported<IReadOnlyList<ElastiCacheNodeGroup>>(nameof(NodeGroups));

    [AbsentFromOlderInventories]
    public Fact<bool> MultiAz { get; init; } = Fact.NotReported<bool>(nameof(MultiAz));

    [AbsentFromOlderInventories]
    public Fact<bool> AutomaticFailover { get; init; } = Fact.NotReported<bool>(nameof(AutomaticFailover));

    [AbsentFromOlderInventories]
    public Fact<string?> SubnetGroup { get; init; } = Fact.NotReported<string?>(nameof(SubnetGroup));

    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> SecurityGroupIds { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(SecurityGroupIds));

    /// <summary>Null for the engine's default group, which AWS gives the new group too.</summary>
    [AbsentFromOlderInventories]
    public Fact<string?> ParameterGroup { get; init; } = Fact.NotReported<string?>(nameof(ParameterGroup));

    /// <summary>0 when left to AWS.</summary>
    [AbsentFromOlderInventories]
    public Fact<int> Port { get; init; } = Fact.NotReported<int>(nameof(Port));

    [AbsentFromOlderInventories]
    public Fact<bool> TransitEncryption { get; init; } = Fact.NotReported<bool>(nameof(TransitEncryption));

    [AbsentFromOlderInventories]
    public Fact<string?> TransitEncryptionMode { get; init; } = Fact.NotReported<string?>(nameof(TransitEncryptionMode));

    /// <summary>Whether clients must give an AUTH token, which no API returns: the rebuild asks for it.</summary>
    [AbsentFromOlderInventories]
    public Fact<bool> AuthTokenEnabled { get; init; } = Fact.NotReported<bool>(nameof(AuthTokenEnabled));

    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<string>> UserGroupIds { get; init; } = Fact.NotReported<IReadOnlyList<string>>(nameof(UserGroupIds));

    [AbsentFromOlderInventories]
    public Fact<int> SnapshotRetentionLimit { get; init; } = Fact.NotReported<int>(nameof(SnapshotRetentionLimit));

    [AbsentFromOlderInventories]
    public Fact<bool> AutoMinorVersionUpgrade { get; init; } = Fact.NotReported<bool>(nameof(AutoMinorVersionUpgrade));

    [AbsentFromOlderInventories]
    public Fact<string?> SnapshotWindow { get; init; } = Fact.NotReported<string?>(nameof(SnapshotWindow));

    [AbsentFromOlderInventories]
    public Fact<string?> MaintenanceWindow { get; init; } = Fact.NotReported<string?>(nameof(MaintenanceWindow));

    [AbsentFromOlderInventories]
    public Fact<string?> NotificationTopicArn { get; init; } = Fact.NotReported<string?>(nameof(NotificationTopicArn));

    [AbsentFromOlderInventories]
    public Fact<IReadOnlyList<ElastiCacheLogDelivery>> LogDelivery { get; init; } = Fact.NotReported<IReadOnlyList<ElastiCacheLogDelivery>>(nameof(LogDelivery));

    [AbsentFromOlderInventories]
    public Fact<bool> DataTiering { get; init; } = Fact.NotReported<bool>(nameof(DataTiering));

    [AbsentFromOlderInventories]
    public Fact<string?> NetworkType { get; init; } = Fact.NotReported<string?>(nameof(NetworkType));

    [AbsentFromOlderInventories]
    public Fact<string?> IpDiscovery { get; init; } = Fact.NotReported<string?>(nameof(IpDiscovery));
}

/// <summary>Where one of the group's logs (<c>slow-log</c>, <c>engine-log</c>) goes: a CloudWatch log group or a Firehose delivery stream.</summary>
[SavedAsJson(typeof(ElastiCacheJson))]
public sealed record ElastiCacheLogDelivery(string LogType, string DestinationType, string Destination, string LogFormat);

/// <summary>
/// One shard of a sharded group as <c>CreateReplicationGroup</c>'s <c>NodeGroupConfiguration</c> takes it: its ID, its hash
/// slots (<c>0-8191</c>), its replicas, and the zones of its primary and of each replica; null or none where AWS chooses.
/// </summary>
[SavedAsJson(typeof(ElastiCacheJson))]
public sealed record ElastiCacheNodeGroup(string? NodeGroupId, string? Slots, int ReplicaCount, string? PrimaryAvailabilityZone, IReadOnlyList<string> ReplicaAvailabilityZones);

/// <summary>The log deliveries and shards a saved inventory and a finding's evidence hold as JSON, serialized by generated code.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ElastiCacheLogDelivery))]
[JsonSerializable(typeof(IReadOnlyList<ElastiCacheLogDelivery>))]
[JsonSerializable(typeof(ElastiCacheNodeGroup))]
[JsonSerializable(typeof(IReadOnlyList<ElastiCacheNodeGroup>))]
public sealed partial class ElastiCacheJson : JsonSerializerContext;
