using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;
using Kagi.Rules.Aws.Redshift.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// What is particular to the kinds read through the Query-protocol client besides RDS (Redshift clusters, ElastiCache
/// replication groups) on the fake: the default key each service names, ARNs and tags. Their verdicts, paging and
/// listing faults are proven with every other kind's (<see cref="StoreKindScanTests"/>, <see cref="ListingFaultTests"/>).
/// </summary>
public sealed class QueryApiKindTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    [Fact]
    public void An_encrypted_resource_naming_no_key_is_on_its_service_default_aws_managed_for_redshift_aws_owned_for_elasticache()
    {
        var inventory = scan.Result.Inventory;

        Assert.IsType<KeyReference.ServiceDefault>(Named<RedshiftCluster>(inventory, "fail_warehouse_default_key").Key);
        Assert.Equal(KeyLevel.AwsManaged, Named<RedshiftCluster>(inventory, "fail_warehouse_default_key").KeyLevel.Value);
        Assert.IsType<KeyReference.AwsOwned>(Named<ElastiCacheReplicationGroup>(inventory, "fail_cache_service_owned_key").Key);
        Assert.Equal(KeyLevel.AwsOwned, Named<ElastiCacheReplicationGroup>(inventory, "fail_cache_service_owned_key").KeyLevel.Value);
    }

    [Fact]
    public void A_redshift_cluster_is_known_by_the_arn_built_from_its_identifier_and_carries_the_tags_its_listing_gives()
    {
        var cluster = Named<RedshiftCluster>(scan.Result.Inventory, "pass_warehouse_cmk");

        Assert.Equal("arn:aws:redshift:eu-west-1:111122223333:cluster:pass_warehouse_cmk", cluster.Id);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "analytics" }, cluster.Tags.Value);
        Assert.Empty(Named<RedshiftCluster>(scan.Result.Inventory, "pass_warehouse_hsm").Tags.Value);
    }

    [Fact]
    public void A_replication_group_is_known_by_its_arn_and_gets_its_tags_from_the_region_listing()
    {
        var group = Named<ElastiCacheReplicationGroup>(scan.Result.Inventory, "pass_cache_cmk");

        Assert.Equal("arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:pass_cache_cmk", group.Id);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "web" }, group.Tags.Value);
    }

    private static T Named<T>(Inventory inventory, string name)
        where T : CloudResource =>
        inventory.Resources.OfType<T>().Single(resource => resource.Name is { IsKnown: true } named && named.Value == name);
}
