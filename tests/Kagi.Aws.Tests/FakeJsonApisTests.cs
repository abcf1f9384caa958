using System.Text.Json;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests;

/// <summary>The fake's Secrets Manager, CloudWatch Logs, Kinesis, ECR and Backup APIs checked by boto3, an independent client, across their pages.</summary>
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
        kinesis = session.client("kinesis", region_name="eu-central-1")
        pages = list(kinesis.get_paginator("list_streams").paginate(PaginationConfig={"PageSize": 100}))
        out["stream_pages"] = len(pages)
        out["streams"] = sum(len(p["StreamNames"]) for p in pages)
        summaries = session.client("kinesis", region_name="eu-west-1")
        out["stream_cmk"] = summaries.describe_stream_summary(StreamName="pass_stream_cmk")["StreamDescriptionSummary"]
        out["stream_plain"] = summaries.describe_stream_summary(StreamName="fail_stream_unencrypted")["StreamDescriptionSummary"]
        ecr = session.client("ecr", region_name="eu-central-1")
        pages = list(ecr.get_paginator("describe_repositories").paginate(PaginationConfig={"PageSize": 100}))
        out["repository_pages"] = len(pages)
        out["repositories"] = sum(len(p["repositories"]) for p in pages)
        verdict_repositories = session.client("ecr", region_name="eu-west-1").describe_repositories()["repositories"]
        out["repository_encryption"] = {r["repositoryName"]: r["encryptionConfiguration"] for r in verdict_repositories}
        backup = session.client("backup", region_name="eu-central-1")
        pages = list(backup.get_paginator("list_backup_vaults").paginate(PaginationConfig={"PageSize": 100}))
        out["vault_pages"] = len(pages)
        out["vaults"] = sum(len(p["BackupVaultList"]) for p in pages)
        verdict_vaults = session.client("backup", region_name="eu-west-1").list_backup_vaults()["BackupVaultList"]
        out["vault_keys"] = {v["BackupVaultName"]: v.get("EncryptionKeyArn") for v in verdict_vaults}
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Boto3_pages_and_reads_every_json_api_of_the_fake_as_it_reads_aws()
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
        Assert.Equal(3, result.GetProperty("stream_pages").GetInt32());
        Assert.Equal(Scenarios.PagingStreams, result.GetProperty("streams").GetInt32());
        var withCmk = result.GetProperty("stream_cmk");
        Assert.Equal(("KMS", Scenarios.KeyArn(Scenarios.Verdicts, 1)), (withCmk.GetProperty("EncryptionType").GetString(), withCmk.GetProperty("KeyId").GetString()));
        Assert.Equal("arn:aws:kinesis:eu-west-1:111122223333:stream/pass_stream_cmk", withCmk.GetProperty("StreamARN").GetString());
        Assert.Equal("NONE", result.GetProperty("stream_plain").GetProperty("EncryptionType").GetString());
        Assert.Equal(3, result.GetProperty("repository_pages").GetInt32());
        Assert.Equal(Scenarios.PagingRepositories, result.GetProperty("repositories").GetInt32());
        var encryption = result.GetProperty("repository_encryption");
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), encryption.GetProperty("pass_repository_cmk").GetProperty("kmsKey").GetString());
        Assert.Equal("AES256", encryption.GetProperty("fail_repository_aes256").GetProperty("encryptionType").GetString());
        Assert.Equal("KMS", encryption.GetProperty("fail_repository_aws_managed_default").GetProperty("encryptionType").GetString());
        Assert.Equal(2, result.GetProperty("vault_pages").GetInt32());
        Assert.Equal(Scenarios.PagingVaults, result.GetProperty("vaults").GetInt32());
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), result.GetProperty("vault_keys").GetProperty("pass_vault_cmk").GetString());
    }
}
