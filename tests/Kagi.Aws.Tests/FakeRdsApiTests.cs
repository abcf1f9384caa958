using System.Text.Json;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests;

/// <summary>The fake's RDS instances and RDS and DocumentDB clusters checked by boto3, so that Kagi and its fake cannot agree on a wrong wire format.</summary>
public sealed class FakeRdsApiTests
{
    private const string Script = """
        import boto3, json
        session = boto3.session.Session()
        out = {}
        paging = session.client("rds", region_name="eu-central-1")
        pages = list(paging.get_paginator("describe_db_instances").paginate(PaginationConfig={"PageSize": 100}))
        out["instance_pages"] = len(pages)
        out["instances"] = sum(len(p["DBInstances"]) for p in pages)
        rds = session.client("rds", region_name="eu-west-1")
        instances = {i["DBInstanceIdentifier"]: i for i in rds.describe_db_instances()["DBInstances"]}
        out["cmk_instance"] = [instances["pass_db_cmk"]["DBInstanceArn"], instances["pass_db_cmk"]["StorageEncrypted"], instances["pass_db_cmk"]["KmsKeyId"]]
        out["unencrypted_instance"] = [instances["fail_db_unencrypted"]["StorageEncrypted"], "KmsKeyId" in instances["fail_db_unencrypted"]]
        out["member_of"] = instances["aurora-1"]["DBClusterIdentifier"]
        out["rds_clusters"] = sorted(c["DBClusterIdentifier"] for c in rds.describe_db_clusters(Filters=[{"Name": "engine", "Values": ["aurora-mysql", "aurora-postgresql", "mysql", "postgres"]}])["DBClusters"])
        docdb = session.client("docdb", region_name="eu-west-1")
        out["docdb_clusters"] = sorted(c["DBClusterIdentifier"] for c in docdb.describe_db_clusters(Filters=[{"Name": "engine", "Values": ["docdb"]}])["DBClusters"])
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Boto3_reads_instances_and_clusters_of_every_rds_engine_as_it_reads_aws()
    {
        await using var fake = await FakeAws.StartAsync(Scenarios.All());

        using var json = JsonDocument.Parse(ExternalProcess.RunPython(Script, fake.Endpoint));
        var result = json.RootElement;

        Assert.Equal(2, result.GetProperty("instance_pages").GetInt32());
        Assert.Equal(Scenarios.PagingInstances, result.GetProperty("instances").GetInt32());
        var cmk = result.GetProperty("cmk_instance").EnumerateArray().ToList();
        Assert.Equal($"arn:aws:rds:{Scenarios.Verdicts}:{Scenarios.Account}:db:pass_db_cmk", cmk[0].GetString());
        Assert.True(cmk[1].GetBoolean());
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), cmk[2].GetString());
        Assert.Equal([false, false], result.GetProperty("unencrypted_instance").EnumerateArray().Select(value => value.GetBoolean()));
        Assert.Equal("aurora", result.GetProperty("member_of").GetString());
        Assert.Equal(
            ["aurora", "fail_aurora_aws_managed", "fail_multi_az_unencrypted", "pass_aurora_cmk", "pass_multi_az_hsm", "unknown_aurora_cross_account_denied"],
            result.GetProperty("rds_clusters").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal(
            ["docdb", "fail_docdb_aws_managed", "fail_docdb_unencrypted", "pass_docdb_cmk", "unknown_docdb_cross_account_denied"],
            result.GetProperty("docdb_clusters").EnumerateArray().Select(name => name.GetString()));
    }
}
