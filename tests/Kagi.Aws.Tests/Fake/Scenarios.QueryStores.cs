using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

namespace Kagi.Aws.Tests.Fake;

/// <summary>
/// The kinds served by the Query-protocol APIs of issue 14 besides RDS (Redshift clusters, ElastiCache replication
/// groups) in the verdict and paging regions, on keys those regions already describe, so the KMS calls other tests count
/// stay as they are.
/// </summary>
internal static partial class Scenarios
{
    /// <summary>Three pages of 100 clusters.</summary>
    public const int PagingRedshiftClusters = 230;

    /// <summary>Two pages of 100 replication groups.</summary>
    public const int PagingReplicationGroups = 150;

    /// <summary>The shards of a sharded group (ID, slots, the primary's zone then each replica's), every one listed in full.</summary>
    public const string ShardsListed = "0001 0-8191 eu-west-1a eu-west-1b;0002 8192-16383 eu-west-1c eu-west-1a eu-west-1b";

    /// <summary>A sharded group's shards, one node listed without its zone ("-").</summary>
    public const string ShardWithoutAZone = "0001 0-8191 eu-west-1a eu-west-1b;0002 8192-16383 eu-west-1c -";

    public static readonly string RedshiftCluster = Kagi.Rules.Aws.Redshift.Clusters.RedshiftCluster.Descriptor.Type;

    public static readonly string ReplicationGroup = ElastiCacheReplicationGroup.Descriptor.Type;

    private static void AddQueryStores(FakeScenario scenario)
    {
        string Key(int number, string account = Account) => KeyArn(Verdicts, number, account);
        scenario[Verdicts].Stores.AddRange(
        [
            new(RedshiftCluster, "pass_warehouse_cmk", KmsKeyId: Key(1)) { Tags = new Dictionary<string, string> { ["owner"] = "analytics", ["env"] = "prod" } },
            new(RedshiftCluster, "pass_warehouse_hsm", KmsKeyId: Key(2)),
            new(RedshiftCluster, "fail_warehouse_aws_managed_key", KmsKeyId: Key(6)),
            new(RedshiftCluster, "fail_warehouse_default_key"),
            new(RedshiftCluster, "fail_warehouse_unencrypted", Encrypted: false),
            new(RedshiftCluster, "unknown_warehouse_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
            new(ReplicationGroup, "pass_cache_cmk", KmsKeyId: Key(1)) { Tags = new Dictionary<string, string> { ["owner"] = "web" } },
            new(ReplicationGroup, "pass_cache_hsm", KmsKeyId: Key(2)) { Extra = new Dictionary<string, string> { ["Engine"] = "valkey" } },
            new(ReplicationGroup, "fail_cache_service_owned_key") { Extra = new Dictionary<string, string> { ["Shards"] = ShardsListed } },
            new(ReplicationGroup, "fail_cache_unencrypted", Encrypted: false) { Extra = new Dictionary<string, string> { ["Shards"] = ShardWithoutAZone } },
            new(ReplicationGroup, "unknown_cache_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
        ]);
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingRedshiftClusters).Select(i => new FakeStore(RedshiftCluster, $"pass_warehouse_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingReplicationGroups).Select(i => new FakeStore(ReplicationGroup, $"pass_cache_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
    }
}
