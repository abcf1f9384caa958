using System.Security;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// ElastiCache's <c>DescribeReplicationGroups</c> (Query protocol, <c>Marker</c> paging) over the region's replication
/// groups: at-rest encryption, a customer-managed key when one is named, the ARN; no tags, as AWS answers.
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
        if (request.Form?["Action"].ToString() != "DescribeReplicationGroups")
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
              <AtRestEncryptionEnabled>{(group.Encrypted ? "true" : "false")}</AtRestEncryptionEnabled>
              {QueryPage.Optional("KmsKeyId", group.KmsKeyId)}
              <ARN>{SecurityElement.Escape(ArnOf(group, request.Region, scenario.Account))}</ARN>
            </ReplicationGroup>
            """));
        return QueryPage.Reply("DescribeReplicationGroups", "http://elasticache.amazonaws.com/doc/2015-02-02/", "ReplicationGroups", groups, page.Marker);
    }

    public string? ArnOf(FakeStore store, string region, string account) =>
        store?.Kind == ElastiCacheReplicationGroup.Descriptor.Type ? $"arn:aws:elasticache:{region}:{account}:replicationgroup:{store.Name}" : null;
}
