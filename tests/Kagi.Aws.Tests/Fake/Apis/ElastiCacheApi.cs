using System.Security;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// ElastiCache's <c>DescribeReplicationGroups</c> (Query protocol, <c>Marker</c> paging) over the region's replication
/// groups: at-rest encryption, a customer-managed key when one is named, the ARN, and each group's settings with one
/// node, or the shards its store names (no tags, as AWS answers); and <c>DescribeCacheClusters</c>, which lists that node with what a group's listing
/// leaves to its nodes.
/// </summary>
public sealed class ElastiCacheApi : IFakeApi
{
    /// <summary>The most replication groups a page holds (the API's <c>MaxRecords</c> limit).</summary>
    public const int MaxPageSize = 100;

    public string SigningName => "elasticache";

    public FakeWire Wire => FakeWire.Query;

    public FakeListing? ListingOf(string kind) => kind == ElastiCacheReplicationGroup.Descriptor.Type ? new("DescribeReplicationGroups", MaxPageSize) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var action = request.Form?["Action"].ToString();
        if (action == "DescribeCacheClusters")
        {
            var nodes = QueryPage.Of(region.StoresOf(ElastiCacheReplicationGroup.Descriptor.Type), request.Form, MaxPageSize);
            var clusters = string.Concat(nodes.Items.Select(group => $"""
                <CacheCluster>
                  <CacheClusterId>{SecurityElement.Escape(group.Name)}-001</CacheClusterId>
                  <ReplicationGroupId>{SecurityElement.Escape(group.Name)}</ReplicationGroupId>
                  <EngineVersion>7.1</EngineVersion>
                  <CacheSubnetGroupName>cache-subnets</CacheSubnetGroupName>
                  <SecurityGroups><member><SecurityGroupId>sg-0cache</SecurityGroupId><Status>active</Status></member></SecurityGroups>
                  <CacheParameterGroup><CacheParameterGroupName>default.redis7</CacheParameterGroupName></CacheParameterGroup>
                  <PreferredMaintenanceWindow>sun:05:00-sun:06:00</PreferredMaintenanceWindow>
                </CacheCluster>
                """));
            return QueryPage.Reply("DescribeCacheClusters", "http://elasticache.amazonaws.com/doc/2015-02-02/", "CacheClusters", clusters, nodes.Marker);
        }

        if (action != "DescribeReplicationGroups")
        {
            return null;
        }

        var page = QueryPage.Of(region.StoresOf(ElastiCacheReplicationGroup.Descriptor.Type), request.Form, MaxPageSize);
        var groups = string.Concat(page.Items.Select(group => $"""
            <ReplicationGroup>
              <ReplicationGroupId>{SecurityElement.Escape(group.Name)}</ReplicationGroupId>
              <Description>cache</Description>
              <Status>available</Status>
              <Engine>{group.Extra.GetValueOrDefault("Engine", "redis")}</Engine>
              <CacheNodeType>cache.t4g.micro</CacheNodeType>
              <MemberClusters><ClusterId>{SecurityElement.Escape(group.Name)}-001</ClusterId></MemberClusters>
              {(group.Extra.GetValueOrDefault("Shards") is { } shards ? Sharded(shards) : Unsharded(group.Name, request.Region))}
              <MultiAZ>disabled</MultiAZ>
              <AutomaticFailover>disabled</AutomaticFailover>
              <TransitEncryptionEnabled>true</TransitEncryptionEnabled>
              <SnapshotRetentionLimit>7</SnapshotRetentionLimit>
              <SnapshotWindow>03:00-04:00</SnapshotWindow>
              <AtRestEncryptionEnabled>{(group.Encrypted ? "true" : "false")}</AtRestEncryptionEnabled>
              {QueryPage.Optional("KmsKeyId", group.KmsKeyId)}
              <ARN>{SecurityElement.Escape(ArnOf(group, request.Region, scenario.Account))}</ARN>
            </ReplicationGroup>
            """));
        return QueryPage.Reply("DescribeReplicationGroups", "http://elasticache.amazonaws.com/doc/2015-02-02/", "ReplicationGroups", groups, page.Marker);
    }

    // One node group of one node, the primary, as a group without shards answers.
    private static string Unsharded(string name, string region) => $"""
        <ClusterEnabled>false</ClusterEnabled>
        <NodeGroups><NodeGroup>
          <NodeGroupId>0001</NodeGroupId>
          <PrimaryEndpoint><Port>6379</Port></PrimaryEndpoint>
          <NodeGroupMembers><NodeGroupMember>
            <CacheClusterId>{SecurityElement.Escape(name)}-001</CacheClusterId>
            <PreferredAvailabilityZone>{region}a</PreferredAvailabilityZone>
            <CurrentRole>primary</CurrentRole>
          </NodeGroupMember></NodeGroupMembers>
        </NodeGroup></NodeGroups>
        """;

    // A sharded group's shards as its store gives them, "ID slots zone…" separated by ";", the primary's zone first; a zone
    // of "-" is a node listed without one. Its members carry no role, as AWS answers for cluster mode enabled.
    private static string Sharded(string shards) => $"""
        <ClusterEnabled>true</ClusterEnabled>
        <ClusterMode>enabled</ClusterMode>
        <ConfigurationEndpoint><Port>6379</Port></ConfigurationEndpoint>
        <NodeGroups>{string.Concat(shards.Split(';').Select(shard => shard.Split(' ')).Select(shard => $"""
            <NodeGroup>
              <NodeGroupId>{shard[0]}</NodeGroupId>
              <Slots>{shard[1]}</Slots>
              <NodeGroupMembers>{string.Concat(shard.Skip(2).Select((zone, node) => $"<NodeGroupMember><CacheClusterId>{shard[0]}-{node + 1:D3}</CacheClusterId>{(zone == "-" ? string.Empty : $"<PreferredAvailabilityZone>{zone}</PreferredAvailabilityZone>")}</NodeGroupMember>"))}</NodeGroupMembers>
            </NodeGroup>
            """))}</NodeGroups>
        """;

    public string? ArnOf(FakeStore store, string region, string account) =>
        store?.Kind == ElastiCacheReplicationGroup.Descriptor.Type ? $"arn:aws:elasticache:{region}:{account}:replicationgroup:{store.Name}" : null;
}
