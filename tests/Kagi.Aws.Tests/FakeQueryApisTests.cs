using System.Text.Json;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests;

/// <summary>The fake's Redshift and ElastiCache Query APIs checked by boto3, an independent client, across their pages.</summary>
public sealed class FakeQueryApisTests
{
    private const string Script = """
        import boto3, json
        session = boto3.session.Session()
        out = {}
        redshift = session.client("redshift", region_name="eu-central-1")
        pages = list(redshift.get_paginator("describe_clusters").paginate(PaginationConfig={"PageSize": 100}))
        out["cluster_pages"] = len(pages)
        out["clusters"] = sum(len(p["Clusters"]) for p in pages)
        verdicts = session.client("redshift", region_name="eu-west-1").describe_clusters()["Clusters"]
        out["cluster_encryption"] = {c["ClusterIdentifier"]: [c["Encrypted"], c.get("KmsKeyId")] for c in verdicts}
        out["cluster_tags"] = {c["ClusterIdentifier"]: c["Tags"] for c in verdicts}
        out["cluster_namespace"] = verdicts[0]["ClusterNamespaceArn"]
        elasticache = session.client("elasticache", region_name="eu-central-1")
        pages = list(elasticache.get_paginator("describe_replication_groups").paginate(PaginationConfig={"PageSize": 100}))
        out["group_pages"] = len(pages)
        out["groups"] = sum(len(p["ReplicationGroups"]) for p in pages)
        groups = session.client("elasticache", region_name="eu-west-1").describe_replication_groups()["ReplicationGroups"]
        out["group_encryption"] = {g["ReplicationGroupId"]: [g["AtRestEncryptionEnabled"], g.get("KmsKeyId"), g["ARN"]] for g in groups}
        print(json.dumps(out, separators=(",", ":")))
        """;

    [Fact]
    public async Task Boto3_pages_and_reads_the_redshift_and_elasticache_apis_of_the_fake_as_it_reads_aws()
    {
        await using var fake = await FakeAws.StartAsync(Scenarios.All());

        using var json = JsonDocument.Parse(ExternalProcess.RunPython(Script, fake.Endpoint));
        var result = json.RootElement;

        Assert.Equal(3, result.GetProperty("cluster_pages").GetInt32());
        Assert.Equal(Scenarios.PagingRedshiftClusters, result.GetProperty("clusters").GetInt32());
        var clusters = result.GetProperty("cluster_encryption");
        Assert.Equal($"[true,\"{Scenarios.KeyArn(Scenarios.Verdicts, 1)}\"]", clusters.GetProperty("pass_warehouse_cmk").GetRawText());
        Assert.Equal("[true,null]", clusters.GetProperty("fail_warehouse_default_key").GetRawText());
        Assert.Equal("[false,null]", clusters.GetProperty("fail_warehouse_unencrypted").GetRawText());
        Assert.Equal(
            """[{"Key":"owner","Value":"analytics"},{"Key":"env","Value":"prod"}]""",
            JsonSerializer.Serialize(result.GetProperty("cluster_tags").GetProperty("pass_warehouse_cmk")));
        Assert.StartsWith("arn:aws:redshift:eu-west-1:111122223333:namespace:", result.GetProperty("cluster_namespace").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, result.GetProperty("group_pages").GetInt32());
        Assert.Equal(Scenarios.PagingReplicationGroups, result.GetProperty("groups").GetInt32());
        var groups = result.GetProperty("group_encryption");
        Assert.Equal(
            $"[true,\"{Scenarios.KeyArn(Scenarios.Verdicts, 1)}\",\"arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:pass_cache_cmk\"]",
            groups.GetProperty("pass_cache_cmk").GetRawText());
        Assert.Equal("[false,null,\"arn:aws:elasticache:eu-west-1:111122223333:replicationgroup:fail_cache_unencrypted\"]", groups.GetProperty("fail_cache_unencrypted").GetRawText());
    }
}
