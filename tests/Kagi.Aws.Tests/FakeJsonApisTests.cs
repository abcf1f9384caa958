using System.Text.Json;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests;

/// <summary>The fake's Secrets Manager and CloudWatch Logs APIs checked by boto3, an independent client, across their pages.</summary>
public sealed class FakeJsonApisTests
{
    private const string Script = """
        import boto3, json
        session = boto3.session.Session()
        out = {}
        secrets = session.client("secretsmanager", region_name="eu-central-1")
        pages = list(secrets.get_paginator("list_secrets").paginate(PaginationConfig={"PageSize": 100}))
        out["secret_pages"] = len(pages)
        out["secrets"] = sum(len(p["SecretList"]) for p in pages)
        verdicts = session.client("secretsmanager", region_name="eu-west-1").list_secrets()["SecretList"]
        out["secret_keys"] = {s["Name"]: s.get("KmsKeyId") for s in verdicts}
        out["secret_arn"] = verdicts[0]["ARN"]
        logs = session.client("logs", region_name="eu-central-1")
        pages = list(logs.get_paginator("describe_log_groups").paginate(PaginationConfig={"PageSize": 50}))
        out["log_pages"] = len(pages)
        out["log_groups"] = sum(len(p["logGroups"]) for p in pages)
        groups = session.client("logs", region_name="eu-west-1").describe_log_groups()["logGroups"]
        out["log_keys"] = {g["logGroupName"]: g.get("kmsKeyId") for g in groups}
        out["log_arn"] = groups[0]["logGroupArn"]
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Boto3_pages_and_reads_the_fakes_secrets_and_log_groups_as_it_reads_aws()
    {
        await using var fake = await FakeAws.StartAsync(Scenarios.All());

        using var json = JsonDocument.Parse(ExternalProcess.RunPython(Script, fake.Endpoint));
        var result = json.RootElement;

        Assert.Equal(3, result.GetProperty("secret_pages").GetInt32());
        Assert.Equal(Scenarios.PagingSecrets, result.GetProperty("secrets").GetInt32());
        var secretKeys = result.GetProperty("secret_keys");
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), secretKeys.GetProperty("pass_secret_cmk").GetString());
        Assert.Equal(JsonValueKind.Null, secretKeys.GetProperty("fail_secret_aws_managed_default").ValueKind);
        Assert.Equal("arn:aws:secretsmanager:eu-west-1:111122223333:secret:pass_secret_cmk-AbCdEf", result.GetProperty("secret_arn").GetString());
        Assert.Equal(3, result.GetProperty("log_pages").GetInt32());
        Assert.Equal(Scenarios.PagingLogGroups, result.GetProperty("log_groups").GetInt32());
        var logKeys = result.GetProperty("log_keys");
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), logKeys.GetProperty("pass_log_group_cmk").GetString());
        Assert.Equal(JsonValueKind.Null, logKeys.GetProperty("fail_log_group_service_owned").ValueKind);
        Assert.Equal("arn:aws:logs:eu-west-1:111122223333:log-group:pass_log_group_cmk", result.GetProperty("log_arn").GetString());
    }
}
