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
            new(ReplicationGroup, "fail_cache_service_owned_key"),
            new(ReplicationGroup, "fail_cache_unencrypted", Encrypted: false),
            new(ReplicationGroup, "unknown_cache_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
        ]);
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingRedshiftClusters).Select(i => new FakeStore(RedshiftCluster, $"pass_warehouse_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingReplicationGroups).Select(i => new FakeStore(ReplicationGroup, $"pass_cache_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
    }
}
