using System.Globalization;
using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// Replication groups: listed with <c>DescribeReplicationGroups</c>, which names a customer-managed at-rest key; an
/// encrypted group without one is on ElastiCache's own (AWS-owned) key; and a sharded group's shards with their slots and
/// nodes' zones (a rebuild recreates that layout; a shard listed without them leaves it unknown). The answer carries no
/// tags. What a rebuild carries and the group's listing leaves to its nodes (engine version, subnet group, security groups, parameter group,
/// maintenance window, notification topic) comes from one <c>DescribeCacheClusters</c> listing of the region, asked
/// before the groups; when it fails, those settings are unknown and the groups are still judged.
/// </summary>
public sealed class ElastiCacheReplicationGroupCollector : ListedStoreCollector<ElastiCacheReplicationGroup>
{
    private static readonly AwsOperation Nodes = AwsOperations.ElastiCacheDescribeCacheClusters;

    public override IReadOnlyList<string> Calls => [Listing.Name, Nodes.Name];

    protected override AwsOperation Listing => AwsOperations.ElastiCacheDescribeReplicationGroups;

    protected override string ListMember => "ReplicationGroups";

    protected override KeyValuePair<string, object> PageSize => new("MaxRecords", 100);

    public override string WildcardArn(string partition, string region, string account) => Arn(partition, region, account, "*");

    protected override async IAsyncEnumerable<IReadOnlyList<ElastiCacheReplicationGroup>> PagesAsync(AwsApiClient client, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(region);
        var members = await MembersAsync(client, region).ConfigureAwait(false);
        var groups = client.ItemPagesAsync(region, Listing, ListMember, item => (Group: Read(item, region), Members: item.Texts("MemberClusters")), [PageSize]);
        await foreach (var page in groups.ConfigureAwait(false))
        {
            yield return [.. page.Select(listed => WithMemberSettings(listed.Group, listed.Members, members))];
        }
    }

    protected override ElastiCacheReplicationGroup Read(AwsAnswer item, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(region);
        var identifier = item.Text("ReplicationGroupId") ?? string.Empty;
        var arn = item.Text("ARN") ?? Arn(region.Partition, region.Region, region.Account, identifier);
        var nodeGroups = item.Items("NodeGroups");
        var sharded = item.Text("ClusterEnabled") == "true";
        var shards = sharded ? Shards(nodeGroups) : Fact.Known<IReadOnlyList<ElastiCacheNodeGroup>>([]);
        return new ElastiCacheReplicationGroup
        {
            Id = arn,
            Name = Fact.Known(identifier),
            Region = region.Region,
            Account = region.Account,
            StorageEncrypted = item.Bool("AtRestEncryptionEnabled", arn),
            KmsKeyId = Fact.Known(item.Text("KmsKeyId")),
            Key = NotResolved,
            Description = Fact.Known(item.Text("Description")),
            Engine = Fact.Known(item.Text("Engine")),
            NodeType = Fact.Known(item.Text("CacheNodeType")),
            ClusterMode = Fact.Known(item.Text("ClusterMode") ?? (sharded ? "enabled" : null)),

            // A sharded group's shards, each with its slots, replicas and zones; a group without shards is counted in nodes, as its zones are given.
            NumNodeGroups = sharded ? shards.Map(list => list.Count) : Fact.Known(0),
            ReplicasPerNodeGroup = sharded ? shards.Map(SharedReplicaCount) : Fact.Known(0),
            NodeGroups = shards,
            NumCacheClusters = Fact.Known(sharded || nodeGroups.Count == 0 ? 0 : nodeGroups[0].Items("NodeGroupMembers").Count),
            PreferredAvailabilityZones = Fact.Known<IReadOnlyList<string>>(sharded || nodeGroups.Count == 0 ? [] : Zones(nodeGroups[0])),
            MultiAz = Fact.Known(item.Text("MultiAZ") == "enabled"),
            AutomaticFailover = Fact.Known(item.Text("AutomaticFailover") is "enabled" or "enabling"),
            Port = Fact.Known(Int(item.Member("ConfigurationEndpoint")?.Text("Port") ?? (nodeGroups.Count == 0 ? null : nodeGroups[0].Member("PrimaryEndpoint"))?.Text("Port"))),
            TransitEncryption = Fact.Known(item.Text("TransitEncryptionEnabled") == "true"),
            TransitEncryptionMode = Fact.Known(item.Text("TransitEncryptionMode")),
            AuthTokenEnabled = Fact.Known(item.Text("AuthTokenEnabled") == "true"),
            UserGroupIds = Fact.Known(item.Texts("UserGroupIds")),
            SnapshotRetentionLimit = Fact.Known(Int(item.Text("SnapshotRetentionLimit"))),

            // On unless turned off, as AWS creates a group.
            AutoMinorVersionUpgrade = Fact.Known(item.Text("AutoMinorVersionUpgrade") != "false"),
            SnapshotWindow = Fact.Known(item.Text("SnapshotWindow")),
            LogDelivery = Fact.Known<IReadOnlyList<ElastiCacheLogDelivery>>([.. item.Items("LogDeliveryConfigurations").Select(LogDelivery).OfType<ElastiCacheLogDelivery>()]),
            DataTiering = Fact.Known(item.Text("DataTiering") == "enabled"),
            NetworkType = Fact.Known(item.Text("NetworkType")),
            IpDiscovery = Fact.Known(item.Text("IpDiscovery")),

            // Set from the member clusters once the group is listed (WithMemberSettings).
            EngineVersion = Fact.Known<string?>(null),
            SubnetGroup = Fact.Known<string?>(null),
            SecurityGroupIds = Fact.Known<IReadOnlyList<string>>([]),
            ParameterGroup = Fact.Known<string?>(null),
            MaintenanceWindow = Fact.Known<string?>(null),
            NotificationTopicArn = Fact.Known<string?>(null),
        };
    }

    protected override ElastiCacheReplicationGroup WithKey(ElastiCacheReplicationGroup store, KeyReference key) => store with { Key = key };

    private static string Arn(string partition, string region, string account, string identifier) => $"arn:{partition}:elasticache:{region}:{account}:replicationgroup:{identifier}";

    // The region's nodes that belong to a replication group, by cluster ID, or why they could not be listed. They serve only
    // the rebuild a fix prints, so a failure leaves those settings unknown rather than making every group rule an ERROR.
    private Task<Fact<Dictionary<string, AwsAnswer>>> MembersAsync(AwsApiClient client, RegionContext region) =>
        LiveSetting.ReadAsync(region, async () =>
        {
            var members = new Dictionary<string, AwsAnswer>(StringComparer.Ordinal);
            await foreach (var page in client.PagesAsync(region, Nodes, [PageSize]).ConfigureAwait(false))
            {
                foreach (var node in page.Items("CacheClusters"))
                {
                    if (node.Text("ReplicationGroupId") is not null && node.Text("CacheClusterId") is { } id)
                    {
                        members[id] = node;
                    }
                }
            }

            return members;
        });

    // The settings every node of a group shares, from the first of its members listed.
    private static ElastiCacheReplicationGroup WithMemberSettings(ElastiCacheReplicationGroup group, IReadOnlyList<string> memberIds, Fact<Dictionary<string, AwsAnswer>> members)
    {
        var reason = members.Reason;
        var node = members.IsKnown ? memberIds.Select(id => members.Value.GetValueOrDefault(id)).FirstOrDefault(found => found is not null) : null;
        if (node is null)
        {
            reason ??= Texts.Canonical("reasons.replication-group-members-not-listed");
            return group with
            {
                EngineVersion = Fact.Unknown<string?>(reason),
                SubnetGroup = Fact.Unknown<string?>(reason),
                SecurityGroupIds = Fact.Unknown<IReadOnlyList<string>>(reason),
                ParameterGroup = Fact.Unknown<string?>(reason),
                MaintenanceWindow = Fact.Unknown<string?>(reason),
                NotificationTopicArn = Fact.Unknown<string?>(reason),
            };
        }

        return group with
        {
            EngineVersion = Fact.Known(node.Text("EngineVersion")),
            SubnetGroup = Fact.Known(node.Text("CacheSubnetGroupName")),
            SecurityGroupIds = Fact.Known<IReadOnlyList<string>>([.. node.Items("SecurityGroups").Select(item => item.Text("SecurityGroupId")).OfType<string>()]),

            // The engine's default group (default.redis7) is left to AWS, which gives the new group its own.
            ParameterGroup = Fact.Known(node.Member("CacheParameterGroup")?.Text("CacheParameterGroupName") is { } name && !name.StartsWith("default.", StringComparison.Ordinal) ? name : null),
            MaintenanceWindow = Fact.Known(node.Text("PreferredMaintenanceWindow")),
            NotificationTopicArn = Fact.Known(node.Member("NotificationConfiguration")?.Text("TopicArn")),
        };
    }

    // Each shard as it stands, for the rebuild to recreate the same layout. A shard listed without its ID, slots or every
    // node's zone could not be recreated alike: the layout is then unknown, not guessed.
    private static Fact<IReadOnlyList<ElastiCacheNodeGroup>> Shards(IReadOnlyList<AwsAnswer> nodeGroups)
    {
        var shards = new List<ElastiCacheNodeGroup>();
        foreach (var nodeGroup in nodeGroups)
        {
            var zones = Zones(nodeGroup);
            if (nodeGroup.Text("NodeGroupId") is not { } id || nodeGroup.Text("Slots") is not { } slots || zones.Length == 0 || zones.Length != nodeGroup.Items("NodeGroupMembers").Count)
            {
                return Fact.Unknown<IReadOnlyList<ElastiCacheNodeGroup>>(Texts.Canonical("reasons.replication-group-shards-not-listed"));
            }

            shards.Add(new ElastiCacheNodeGroup(id, slots, zones.Length - 1, zones[0], zones[1..]));
        }

        return shards.Count == 0
            ? Fact.Unknown<IReadOnlyList<ElastiCacheNodeGroup>>(Texts.Canonical("reasons.replication-group-shards-not-listed"))
            : Fact.Known<IReadOnlyList<ElastiCacheNodeGroup>>(shards);
    }

    // The replicas every shard has; none when they differ, each shard's own count being in its configuration.
    private static int SharedReplicaCount(IReadOnlyList<ElastiCacheNodeGroup> shards) =>
        shards.Select(shard => shard.ReplicaCount).Distinct().Count() == 1 ? shards[0].ReplicaCount : 0;

    // The primary's zone first, then the replicas'. A sharded group's members carry no role: its first listed is taken as the primary.
    private static string[] Zones(AwsAnswer nodeGroup) =>
        [.. nodeGroup.Items("NodeGroupMembers").OrderBy(member => member.Text("CurrentRole") == "primary" ? 0 : 1)
            .Select(member => member.Text("PreferredAvailabilityZone")).OfType<string>()];

    private static ElastiCacheLogDelivery? LogDelivery(AwsAnswer configuration)
    {
        var details = configuration.Member("DestinationDetails");
        var destination = details?.Member("CloudWatchLogsDetails")?.Text("LogGroup") ?? details?.Member("KinesisFirehoseDetails")?.Text("DeliveryStream");
        return configuration.Text("LogType") is { } type && configuration.Text("DestinationType") is { } destinationType && destination is not null
            ? new ElastiCacheLogDelivery(type, destinationType, destination, configuration.Text("LogFormat") ?? "text")
            : null;
    }

    private static int Int(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
