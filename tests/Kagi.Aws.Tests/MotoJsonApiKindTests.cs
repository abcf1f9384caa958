using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Ecr.Repositories;
using Kagi.Rules.Aws.Kinesis.Streams;
using Kagi.Rules.Aws.Logs.LogGroups;
using Kagi.Rules.Aws.SecretsManager.Secrets;

namespace Kagi.Aws.Tests;

/// <summary>
/// The kinds read through the JSON-protocol client against moto, an independent emulator: secrets, log groups, streams, repositories and vaults made with
/// boto3, then scanned. moto reports its alias/aws/* keys as KeyManager=CUSTOMER; a resource naming such a key by its
/// ARN fails only because Kagi recognises the key by its alias in ListAliases, without asking DescribeKey.
/// </summary>
public sealed class MotoJsonApiKindTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        secrets = boto3.client("secretsmanager"); logs = boto3.client("logs")
        cmk = kms.create_key(Description="json kinds cmk")["KeyMetadata"]["Arn"]
        managed_arn = aws_managed_key("secretsmanager")
        secrets.create_secret(Name="pass-cmk", SecretString="s", KmsKeyId=cmk)
        secrets.create_secret(Name="fail-service-default", SecretString="s")
        secrets.create_secret(Name="fail-aws-managed-by-arn", SecretString="s", KmsKeyId=managed_arn)
        logs.create_log_group(logGroupName="pass-cmk", kmsKeyId=cmk)
        logs.create_log_group(logGroupName="fail-service-owned")
        kinesis = boto3.client("kinesis")
        for name in ["pass-cmk", "fail-aws-managed", "fail-unencrypted"] + ["paging-%03d" % i for i in range(105)]:
            kinesis.create_stream(StreamName=name, ShardCount=1)
        kinesis.start_stream_encryption(StreamName="pass-cmk", EncryptionType="KMS", KeyId=cmk)
        kinesis.start_stream_encryption(StreamName="fail-aws-managed", EncryptionType="KMS", KeyId="alias/aws/kinesis")
        ecr = boto3.client("ecr")
        ecr.create_repository(repositoryName="pass-cmk", encryptionConfiguration={"encryptionType": "KMS", "kmsKey": cmk})
        ecr.create_repository(repositoryName="fail-aws-owned")
        backup = boto3.client("backup")
        backup.create_backup_vault(BackupVaultName="pass-cmk", EncryptionKeyArn=cmk)
        backup.create_backup_vault(BackupVaultName="fail-service-default")
        print(json.dumps({"cmk": cmk}))
        """;

    [Theory]
    [InlineData("secretsmanager-secret-cmk-encryption", new[] { "pass-cmk", "fail-service-default", "fail-aws-managed-by-arn" })]
    [InlineData("logs-log-group-cmk-encryption", new[] { "pass-cmk", "fail-service-owned" })]
    [InlineData("kinesis-stream-cmk-encryption", new[] { "pass-cmk", "fail-unencrypted", "fail-aws-managed" })]
    [InlineData("ecr-repository-cmk-encryption", new[] { "pass-cmk", "fail-aws-owned" })]
    [InlineData("backup-vault-cmk-encryption", new[] { "pass-cmk", "fail-service-default" })]
    public void A_resource_on_a_cmk_passes_and_one_on_the_service_default_fails(string ruleId, string[] names) =>
        AssertEachGetsTheVerdictItsNameSays(ruleId, names);

    [Fact]
    public void Each_resource_is_identified_by_its_arn_and_judged_by_the_level_of_its_real_key()
    {
        var inventory = Scan().Inventory;

        var secrets = inventory.Resources.OfType<SecretsManagerSecret>().ToDictionary(secret => secret.Name.Value);
        Assert.StartsWith("arn:aws:secretsmanager:eu-west-1:123456789012:secret:pass-cmk-", secrets["pass-cmk"].Id, StringComparison.Ordinal);
        Assert.Equal(Cmk, Assert.IsType<KeyReference.Described>(secrets["pass-cmk"].Key).Key.Arn.Value);
        Assert.IsType<KeyReference.ServiceDefault>(secrets["fail-service-default"].Key);
        Assert.Equal(KeyLevel.AwsManaged, secrets["fail-aws-managed-by-arn"].KeyLevel.Value);

        var groups = inventory.Resources.OfType<LogsLogGroup>().ToDictionary(group => group.Name.Value);
        Assert.Equal("arn:aws:logs:eu-west-1:123456789012:log-group:pass-cmk", groups["pass-cmk"].Id);
        Assert.Equal(KeyLevel.Customer, groups["pass-cmk"].KeyLevel.Value);
        Assert.Equal(KeyLevel.AwsOwned, groups["fail-service-owned"].KeyLevel.Value);
    }

    [Fact]
    public void Kinesis_streams_beyond_one_page_are_all_listed_though_moto_answers_without_a_next_token()
    {
        // moto pages ListStreams only by ExclusiveStartStreamName: more than the 100 a page asks for are all found
        var inventory = Scan().Inventory;

        var streams = inventory.Resources.OfType<KinesisStream>().Select(stream => stream.Name.Value).ToList();
        Assert.Equal(108, streams.Count);
        Assert.Equal(streams.Count, streams.Distinct(StringComparer.Ordinal).Count());
        Assert.Empty(inventory.Unscanned);
        var verdicts = Scans.Verdicts(inventory, "kinesis-stream-storage-encrypted");
        Assert.Equal(ResultStatus.Pass, verdicts["pass-cmk"]);
        Assert.Equal(ResultStatus.Pass, verdicts["fail-aws-managed"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-unencrypted"]);
    }

    // moto gives a KMS repository created without a key a made-up key ARN that KMS cannot describe, so aws/ecr is proven on the fake only.
    [Fact]
    public void An_ecr_repository_is_judged_by_its_encryption_type_and_key()
    {
        var repositories = Scan().Inventory.Resources.OfType<EcrRepository>().ToDictionary(repository => repository.Name.Value);

        Assert.Equal("arn:aws:ecr:eu-west-1:123456789012:repository/pass-cmk", repositories["pass-cmk"].Id);
        Assert.Equal(Cmk, repositories["pass-cmk"].KmsKeyId.Value);
        Assert.Equal(KeyLevel.Customer, repositories["pass-cmk"].KeyLevel.Value);
        Assert.IsType<KeyReference.AwsOwned>(repositories["fail-aws-owned"].Key);
    }
}
