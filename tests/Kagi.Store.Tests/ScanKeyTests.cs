using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

/// <summary>Each scan's keys are kept with it: the latest scan of every scope tells the keys, and every scan's AWS-managed backlog is counted.</summary>
public sealed class ScanKeyTests
{
    public static TheoryData<StoreKind> Kinds() => [StoreKind.Sqlite, StoreKind.Postgres];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_latest_scan_of_each_scope_that_recorded_keys_tells_the_keys(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        var west = LiveScan(["eu-west-1"], Live("orders", ResultStatus.Fail));
        var east = LiveScan(["us-east-1"], Live("billing", ResultStatus.Fail, "us-east-1"));
        store.SaveScan(west, [Key("alias/aws/rds", "aws-managed", ("AWS::RDS::DBInstance", 3))]);
        store.SaveScan(east, [Key("arn:aws:kms:us-east-1:111122223333:key/a", "customer", ("AWS::SQS::Queue", 1))]);
        store.SaveScan(west, [Key("alias/aws/rds", "aws-managed", ("AWS::RDS::DBInstance", 1)), Key("arn:aws:kms:eu-west-1:111122223333:key/b", "customer")]);

        // Stored without keys (as before the store kept them): the scope's keys stay those of its last scan that had them.
        store.SaveScan(west);

        var latest = store.LatestKeys();

        Assert.Equal(
            [("alias/aws/rds", 1), ("arn:aws:kms:us-east-1:111122223333:key/a", 1), ("arn:aws:kms:eu-west-1:111122223333:key/b", 0)],
            latest.Select(stored => (stored.Key.Key, stored.Key.Dependents)));
        Assert.Equal(["customer"], latest.Where(stored => stored.Key.Key.EndsWith("/b", StringComparison.Ordinal)).Select(stored => stored.Key.Level));
        Assert.Equal("{\"key\":\"alias/aws/rds\"}", latest[0].Key.Detail);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_scan_that_saw_no_keys_leaves_its_scope_with_none(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        var scan = IacScan(["infra"], Iac("infra", "orders", ResultStatus.Fail));
        store.SaveScan(scan, [Key("aws_kms_key.data", "customer", ("AWS::Neptune::DBCluster", 2))]);
        store.SaveScan(scan, []);

        Assert.Empty(store.LatestKeys());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_scan_counts_its_data_stores_on_aws_managed_keys_by_kind(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        var scan = LiveScan(["eu-west-1"], Live("orders", ResultStatus.Fail));
        store.SaveScan(scan, [Key("alias/aws/rds", "aws-managed", ("AWS::RDS::DBInstance", 3), ("AWS::RDS::DBCluster", 1)), Key("alias/aws/sqs", "aws-managed", ("AWS::SQS::Queue", 2)), Key("k", "customer", ("AWS::SQS::Queue", 5))]);
        store.SaveScan(scan);
        store.SaveScan(scan, [Key("alias/aws/rds", "aws-managed", ("AWS::RDS::DBInstance", 1)), Key("k", "customer", ("AWS::RDS::DBInstance", 9))]);

        var backlog = store.AwsManagedBacklog();

        Assert.Equal(2, backlog.Count);
        Assert.Equal([("AWS::RDS::DBCluster", 1), ("AWS::RDS::DBInstance", 3), ("AWS::SQS::Queue", 2)], backlog[0].StoresByKind.Select(pair => (pair.Key, pair.Value)));
        Assert.Equal((6, 1), (backlog[0].Stores, backlog[1].Stores));
        Assert.True(backlog[0].ScanId < backlog[1].ScanId);
    }

    private static ScanKey Key(string name, string level, params (string Kind, int Count)[] dependents) =>
        new(name, "111122223333", "eu-west-1", level, "Enabled", dependents.ToDictionary(pair => pair.Kind, pair => pair.Count), $"{{\"key\":\"{name}\"}}");
}
