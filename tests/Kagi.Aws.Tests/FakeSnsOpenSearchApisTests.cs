using System.Text.Json;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests;

/// <summary>The fake's SNS and OpenSearch APIs checked by boto3, an independent client: pages, attributes and domain descriptions as AWS shapes them.</summary>
public sealed class FakeSnsOpenSearchApisTests
{
    private const string Script = """
        import boto3, json
        from botocore.exceptions import ClientError
        session = boto3.session.Session()
        out = {}
        sns = session.client("sns", region_name="eu-central-1")
        pages = list(sns.get_paginator("list_topics").paginate())
        out["topic_pages"] = len(pages)
        out["topics"] = sum(len(p["Topics"]) for p in pages)
        verdicts = session.client("sns", region_name="eu-west-1")
        arns = [t["TopicArn"] for t in verdicts.list_topics()["Topics"]]
        out["topic_keys"] = {a.split(":")[-1]: verdicts.get_topic_attributes(TopicArn=a)["Attributes"].get("KmsMasterKeyId") for a in arns}
        out["topic_arn"] = arns[0]
        search = session.client("opensearch", region_name="eu-west-1")
        names = [d["DomainName"] for d in search.list_domain_names()["DomainNames"]]
        out["domain_names"] = names
        statuses = search.describe_domains(DomainNames=names[:5])["DomainStatusList"]
        out["domains"] = {d["DomainName"]: {"arn": d["ARN"], "encryption": d["EncryptionAtRestOptions"]} for d in statuses}
        try:
            search.describe_domains(DomainNames=names[:6])
            out["six"] = "accepted"
        except ClientError as error:
            out["six"] = error.response["Error"]["Code"]
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Boto3_pages_and_reads_the_fake_sns_and_opensearch_apis_as_it_reads_aws()
    {
        await using var fake = await FakeAws.StartAsync(Scenarios.All());

        using var json = JsonDocument.Parse(ExternalProcess.RunPython(Script, fake.Endpoint));
        var result = json.RootElement;

        Assert.Equal(3, result.GetProperty("topic_pages").GetInt32());
        Assert.Equal(Scenarios.PagingTopics, result.GetProperty("topics").GetInt32());
        var topicKeys = result.GetProperty("topic_keys");
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), topicKeys.GetProperty("pass_topic_cmk").GetString());
        Assert.Equal("alias/aws/sns", topicKeys.GetProperty("fail_topic_aws_managed_alias").GetString());
        Assert.Equal(JsonValueKind.Null, topicKeys.GetProperty("fail_topic_unencrypted").ValueKind);
        Assert.Equal("arn:aws:sns:eu-west-1:111122223333:pass_topic_cmk", result.GetProperty("topic_arn").GetString());

        Assert.Equal(6, result.GetProperty("domain_names").GetArrayLength());
        var domains = result.GetProperty("domains");
        Assert.Equal(5, domains.EnumerateObject().Count());
        var cmk = domains.GetProperty("pass_domain_cmk");
        Assert.Equal("arn:aws:es:eu-west-1:111122223333:domain/pass_domain_cmk", cmk.GetProperty("arn").GetString());
        Assert.True(cmk.GetProperty("encryption").GetProperty("Enabled").GetBoolean());
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), cmk.GetProperty("encryption").GetProperty("KmsKeyId").GetString());
        Assert.False(domains.GetProperty("fail_domain_aws_managed_unnamed").GetProperty("encryption").TryGetProperty("KmsKeyId", out _));
        Assert.Equal("ValidationException", result.GetProperty("six").GetString());
    }
}
