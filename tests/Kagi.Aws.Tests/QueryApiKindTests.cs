using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
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

    [Fact]
    public void A_sharded_groups_shards_are_read_for_its_rebuild_and_left_unknown_when_one_is_listed_without_a_nodes_zone()
    {
        var listed = Named<ElastiCacheReplicationGroup>(scan.Result.Inventory, "fail_cache_service_owned_key");
        var partial = Named<ElastiCacheReplicationGroup>(scan.Result.Inventory, "fail_cache_unencrypted");

        // Each shard with its slots, its replicas and its nodes' zones, the first member taken as the primary (no role is given)
        Assert.Equal(
            ["0001 0-8191 1 eu-west-1a eu-west-1b", "0002 8192-16383 2 eu-west-1c eu-west-1a eu-west-1b"],
            listed.NodeGroups.Value.Select(shard => string.Join(' ', [shard.NodeGroupId, shard.Slots, $"{shard.ReplicaCount}", shard.PrimaryAvailabilityZone, .. shard.ReplicaAvailabilityZones])));
        Assert.Equal((2, 0, "enabled"), (listed.NumNodeGroups.Value, listed.ReplicasPerNodeGroup.Value, listed.ClusterMode.Value));

        // and a layout that cannot be recreated alike is not guessed: the shards, their count and replicas are unknown, the fix says so
        Assert.All([partial.NodeGroups.Reason, partial.NumNodeGroups.Reason, partial.ReplicasPerNodeGroup.Reason], reason => Assert.Contains("Availability Zone", reason, StringComparison.Ordinal));
        var finding = Scans.Judge(scan.Result.Inventory).Single(f => f.Rule.Id == "elasticache-replication-group-cmk-encryption" && f.Resource.Id == partial.Id);
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        Assert.Contains("--num-node-groups, --replicas-per-node-group, --node-group-configuration", cli, StringComparison.Ordinal);
        Assert.DoesNotContain("--num-node-groups 2", cli, StringComparison.Ordinal);
        Assert.Contains("--node-group-configuration", FindingText.Render(Scans.Judge(scan.Result.Inventory).Single(f => f.Rule.Id == finding.Rule.Id && f.Resource.Id == listed.Id), Language.En).FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
    }

    private static T Named<T>(Inventory inventory, string name)
        where T : CloudResource =>
        inventory.Resources.OfType<T>().Single(resource => resource.Name is { IsKnown: true } named && named.Value == name);
}
