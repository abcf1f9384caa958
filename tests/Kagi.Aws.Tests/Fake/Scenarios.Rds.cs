using Kagi.Rules.Aws.Rds.Instances;

namespace Kagi.Aws.Tests.Fake;

/// <summary>The RDS instances, RDS clusters and DocumentDB clusters of the scenarios (issue 14), added to the regions of issue 4.</summary>
internal static partial class Scenarios
{
    public const int PagingInstances = 150;
    public const int PagingAuroraClusters = 90;
    public const int PagingDocDbClusters = 105;

    /// <summary>Members of clusters, listed by DescribeDBInstances but judged through their cluster.</summary>
    public static readonly string[] ClusterMembers = ["aurora-1", "multi-az-1", "graph-1", "docdb-1"];

    public static FakeStore Instance(string name, string engine, bool encrypted, string? key, string? cluster = null) =>
        new(RdsInstance.Descriptor.Type, name, encrypted, key)
        {
            Extra = cluster is null
                ? new Dictionary<string, string> { ["Engine"] = engine }
                : new Dictionary<string, string> { ["Engine"] = engine, ["DBClusterIdentifier"] = cluster },
        };

    /// <summary>
    /// A DocumentDB cluster on aws/rds with a setting of its own wherever it can have one, and a writer and a reader in
    /// two zones: its fix must carry every one across (moto cannot create a DocumentDB cluster to prove it by running).
    /// </summary>
    public static FakeCluster DocDbToRebuild(string key) => new("fail_docdb_aws_managed", "docdb", true, key)
    {
        BackupRetentionDays = 14,
        SecurityGroups = ["sg-0docdb1", "sg-0docdb2"],
        LogExports = ["audit", "profiler"],
        ServerlessV2 = (2m, 16.5m),
        Writer = "docs-writer",
        Tags = new Dictionary<string, string> { ["team"] = "search", ["cost-center"] = "42" },
        Extra = new Dictionary<string, string>
        {
            ["EngineVersion"] = "5.0.0",
            ["DBSubnetGroup"] = "docs-subnets",
            ["DBClusterParameterGroup"] = "docs-tls-params",
            ["Port"] = "27018",
            ["PreferredBackupWindow"] = "03:00-04:00",
            ["PreferredMaintenanceWindow"] = "sun:05:00-sun:06:00",
        },
    };

    /// <summary>The writer and the reader of <see cref="DocDbToRebuild"/>.</summary>
    public static FakeStore[] DocDbToRebuildInstances(string key) =>
    [
        new(RdsInstance.Descriptor.Type, "docs-writer", true, key)
        {
            Extra = new Dictionary<string, string> { ["Engine"] = "docdb", ["DBClusterIdentifier"] = "fail_docdb_aws_managed", ["DBInstanceClass"] = "db.r6g.xlarge", ["AvailabilityZone"] = Verdicts + "a", ["PromotionTier"] = "0" },
        },
        new(RdsInstance.Descriptor.Type, "docs-reader", true, key)
        {
            Extra = new Dictionary<string, string> { ["Engine"] = "docdb", ["DBClusterIdentifier"] = "fail_docdb_aws_managed", ["DBInstanceClass"] = "db.r6g.large", ["AvailabilityZone"] = Verdicts + "b", ["PromotionTier"] = "1" },
        },
    ];

    private static void AddRdsKinds(FakeScenario scenario)
    {
        string Key(int number, string account = Account) => KeyArn(Verdicts, number, account);
        var verdicts = scenario[Verdicts];
        verdicts.Clusters.AddRange(
        [
            new("pass_aurora_cmk", "aurora-mysql", true, Key(1)),
            new("pass_multi_az_hsm", "mysql", true, Key(2)),
            new("fail_aurora_aws_managed", "aurora-postgresql", true, Key(6)),
            new("fail_multi_az_unencrypted", "postgres", false, null),
            new("unknown_aurora_cross_account_denied", "aurora-mysql", true, Key(7, "999988887777")),
            new("pass_docdb_cmk", "docdb", true, Key(1)),
            DocDbToRebuild(Key(6)),
            new("fail_docdb_unencrypted", "docdb", false, null),
            new("unknown_docdb_cross_account_denied", "docdb", true, Key(7, "999988887777")),
        ]);
        verdicts.Stores.AddRange(
        [
            Instance("pass_db_cmk", "postgres", true, Key(1)),
            Instance("pass_db_external_key_store", "sqlserver-se", true, Key(3)),
            Instance("fail_db_aws_managed", "mysql", true, Key(6)),
            Instance("fail_db_unencrypted", "mariadb", false, null),
            Instance("unknown_db_cross_account_denied", "oracle-se2", true, Key(7, "999988887777")),
            Instance(ClusterMembers[0], "aurora-postgresql", true, Key(1), cluster: "aurora"),
            Instance(ClusterMembers[1], "postgres", false, null, cluster: "fail_multi_az_unencrypted"),
            Instance(ClusterMembers[2], "neptune", true, Key(1), cluster: "pass_cmk"),
            Instance(ClusterMembers[3], "docdb", false, null, cluster: "docdb"),
            .. DocDbToRebuildInstances(Key(6)),
        ]);

        var paging = scenario[Paging];
        string PagingKey(int i) => paging.Keys[i % paging.Keys.Count].Arn;
        paging.Clusters.AddRange(Enumerable.Range(0, PagingAuroraClusters).Select(i => new FakeCluster($"pass_aurora_{i:D3}", "aurora-postgresql", true, PagingKey(i))));
        paging.Clusters.AddRange(Enumerable.Range(0, PagingDocDbClusters).Select(i => new FakeCluster($"pass_docdb_{i:D3}", "docdb", true, PagingKey(i))));
        paging.Stores.AddRange(Enumerable.Range(0, PagingInstances).Select(i => Instance($"pass_db_{i:D3}", "postgres", true, PagingKey(i))));

        var throttled = scenario[Throttled];
        string ThrottledKey() => KeyArn(Throttled, 1);
        throttled.Clusters.AddRange([new("pass_aurora_after_throttling", "aurora-mysql", true, ThrottledKey()), new("pass_docdb_after_throttling", "docdb", true, ThrottledKey())]);
        throttled.Stores.Add(Instance("pass_db_after_throttling", "postgres", true, ThrottledKey()));
        throttled.Faults.Add(new("rds", FaultKind.Throttle, Times: 2, Action: "DescribeDBInstances"));
    }
}
