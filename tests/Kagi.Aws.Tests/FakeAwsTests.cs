using System.Text.Json;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests;

/// <summary>The fake checked by boto3, an independent client, so that Kagi and its fake cannot agree on a wrong wire format.</summary>
public sealed class FakeAwsTests
{
    private const string Script = """
        import boto3, botocore, json
        session = boto3.session.Session()
        out = {}
        neptune = session.client("neptune", region_name="eu-central-1")
        pages = list(neptune.get_paginator("describe_db_clusters").paginate(Filters=[{"Name": "engine", "Values": ["neptune"]}], PaginationConfig={"PageSize": 100}))
        out["pages"] = len(pages)
        out["clusters"] = sum(len(p["DBClusters"]) for p in pages)
        out["first"] = pages[0]["DBClusters"][0]["DBClusterArn"]
        out["encrypted"] = pages[0]["DBClusters"][0]["StorageEncrypted"]
        kms = session.client("kms", region_name="eu-west-1")
        out["hsm"] = kms.describe_key(KeyId="arn:aws:kms:eu-west-1:111122223333:key/00000002-0000-4000-8000-000000000000")["KeyMetadata"]["Origin"]
        out["aliases"] = [a["AliasName"] for a in kms.list_aliases()["Aliases"]]
        try:
            kms.describe_key(KeyId="arn:aws:kms:eu-west-1:999988887777:key/00000007-0000-4000-8000-000000000000")
        except botocore.exceptions.ClientError as e:
            out["denied_key"] = e.response["Error"]["Code"]
        try:
            session.client("rds", region_name="ap-northeast-1").describe_db_clusters()
        except botocore.exceptions.ClientError as e:
            out["denied_region"] = e.response["Error"]["Code"]
        rds = session.client("rds", region_name="eu-west-1")
        out["snapshots"] = sorted(s["DBClusterSnapshotIdentifier"] for s in rds.describe_db_cluster_snapshots(Filters=[{"Name": "engine", "Values": ["neptune"]}])["DBClusterSnapshots"])
        out["shared"] = sorted(s["DBClusterSnapshotArn"] for s in rds.describe_db_cluster_snapshots(Filters=[{"Name": "engine", "Values": ["neptune"]}], IncludeShared=True)["DBClusterSnapshots"] if ":111122223333:" not in s["DBClusterSnapshotArn"])
        out["public"] = sorted(s["DBClusterSnapshotArn"] for s in rds.describe_db_cluster_snapshots(Filters=[{"Name": "engine", "Values": ["neptune"]}], IncludePublic=True)["DBClusterSnapshots"] if ":111122223333:" not in s["DBClusterSnapshotArn"])
        attributes = rds.describe_db_cluster_snapshot_attributes(DBClusterSnapshotIdentifier="public-cmk")["DBClusterSnapshotAttributesResult"]["DBClusterSnapshotAttributes"]
        out["restore"] = [a["AttributeValues"] for a in attributes if a["AttributeName"] == "restore"][0]
        out["account"] = session.client("sts", region_name="eu-west-1").get_caller_identity()["Account"]
        out["regions"] = len(session.client("ec2", region_name="eu-west-1").describe_regions()["Regions"])
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Boto3_reads_the_fake_as_it_reads_aws()
    {
        // Given the fake with every scenario
        await using var fake = await FakeAws.StartAsync(Scenarios.All());

        // When boto3 pages, describes, lists and is denied
        using var json = JsonDocument.Parse(ExternalProcess.RunPython(Script, fake.Endpoint));
        var result = json.RootElement;

        // Then it sees what Kagi is expected to see
        Assert.Equal(3, result.GetProperty("pages").GetInt32());
        Assert.Equal(Scenarios.PagingClusters, result.GetProperty("clusters").GetInt32());
        Assert.Equal("arn:aws:rds:eu-central-1:111122223333:cluster:pass_graph_000", result.GetProperty("first").GetString());
        Assert.True(result.GetProperty("encrypted").GetBoolean());
        Assert.Equal("AWS_CLOUDHSM", result.GetProperty("hsm").GetString());
        Assert.Equal(["alias/aws/rds", "alias/app-data"], result.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("AccessDeniedException", result.GetProperty("denied_key").GetString());
        Assert.Equal("AccessDenied", result.GetProperty("denied_region").GetString());
        Assert.Equal(["automated-aws-managed", "private-unencrypted", "public-cmk"], result.GetProperty("snapshots").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["arn:aws:rds:eu-west-1:999988887777:cluster-snapshot:shared-in-unencrypted"], result.GetProperty("shared").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["arn:aws:rds:eu-west-1:444455556666:cluster-snapshot:foreign-public"], result.GetProperty("public").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["all"], result.GetProperty("restore").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(Scenarios.Account, result.GetProperty("account").GetString());
        Assert.Equal(Scenarios.All().Regions.Count, result.GetProperty("regions").GetInt32());
    }
}
