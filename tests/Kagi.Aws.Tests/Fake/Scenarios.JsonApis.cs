using Kagi.Rules.Aws.Backup.Vaults;
using Kagi.Rules.Aws.Ecr.Repositories;
using Kagi.Rules.Aws.Kinesis.Streams;
using Kagi.Rules.Aws.Logs.LogGroups;
using Kagi.Rules.Aws.SecretsManager.Secrets;

namespace Kagi.Aws.Tests.Fake;

/// <summary>The kinds served by the JSON-protocol APIs of issue 14 (Secrets Manager, CloudWatch Logs, Kinesis, ECR) and the REST-JSON one (Backup), on the keys the other scenarios hold.</summary>
internal static partial class Scenarios
{
    /// <summary>Three pages of 100 secrets.</summary>
    public const int PagingSecrets = 230;

    /// <summary>Three pages of 50 log groups.</summary>
    public const int PagingLogGroups = 120;

    /// <summary>Three pages of 100 streams.</summary>
    public const int PagingStreams = 210;

    /// <summary>Three pages of 100 repositories.</summary>
    public const int PagingRepositories = 250;

    /// <summary>Two pages of 100 vaults.</summary>
    public const int PagingVaults = 150;

    public static readonly string Secret = SecretsManagerSecret.Descriptor.Type;

    public static readonly string LogGroup = LogsLogGroup.Descriptor.Type;

    public static readonly string Stream = KinesisStream.Descriptor.Type;

    public static readonly string Repository = EcrRepository.Descriptor.Type;

    public static readonly string Vault = BackupVault.Descriptor.Type;

    // Only keys the verdict and paging regions already describe: the KMS call counts of the cluster scenarios stay as they are.
    private static void AddJsonApiStores(FakeScenario scenario)
    {
        string Key(int number, string account = Account) => KeyArn(Verdicts, number, account);
        scenario[Verdicts].Stores.AddRange(
        [
            new(Secret, "pass_secret_cmk", KmsKeyId: Key(1)),
            new(Secret, "pass_secret_customer_alias", KmsKeyId: "alias/app-data"),
            new(Secret, "fail_secret_aws_managed_default"),
            new(Secret, "fail_secret_aws_managed_alias", KmsKeyId: "alias/aws/secretsmanager"),
            new(Secret, "unknown_secret_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
            new(LogGroup, "pass_log_group_cmk", KmsKeyId: Key(1)) { Tags = new Dictionary<string, string> { ["owner"] = "team-logs" } },
            new(LogGroup, "pass_log_group_hsm", KmsKeyId: Key(2)),
            new(LogGroup, "fail_log_group_service_owned"),
            new(LogGroup, "unknown_log_group_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
            new(Stream, "pass_stream_cmk", KmsKeyId: Key(1)),
            new(Stream, "pass_stream_customer_alias", KmsKeyId: "alias/app-data"),
            new(Stream, "fail_stream_aws_managed_alias", KmsKeyId: "alias/aws/kinesis"),
            new(Stream, "fail_stream_unencrypted", Encrypted: false),
            new(Stream, "unknown_stream_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
            new(Repository, "pass_repository_cmk", KmsKeyId: Key(1)),
            new(Repository, "fail_repository_aes256")
            {
                Extra = new Dictionary<string, string> { ["lifecyclePolicyText"] = """{"rules":[{"rulePriority":1,"selection":{"tagStatus":"any","countType":"imageCountMoreThan","countNumber":30},"action":{"type":"expire"}}]}""", ["policyText"] = """{"Version":"2012-10-17","Statement":[]}""" },
            },
            new(Repository, "fail_repository_aws_managed_default") { Extra = new Dictionary<string, string> { ["encryptionType"] = "KMS" } },
            new(Repository, "unknown_repository_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
            new(Vault, "pass_vault_cmk", KmsKeyId: Key(1)),
            new(Vault, "fail_vault_aws_managed", KmsKeyId: Key(6))
            {
                Extra = new Dictionary<string, string> { ["Policy"] = """{"Version":"2012-10-17","Statement":[]}""", ["SNSTopicArn"] = "arn:aws:sns:eu-west-1:111122223333:backups", ["BackupVaultEvents"] = "BACKUP_JOB_FAILED,COPY_JOB_FAILED" },
            },
            new(Vault, "unknown_vault_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
        ]);
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingSecrets).Select(i => new FakeStore(Secret, $"pass_secret_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingStreams).Select(i => new FakeStore(Stream, $"pass_stream_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingRepositories).Select(i => new FakeStore(Repository, $"pass_repository_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingVaults).Select(i => new FakeStore(Vault, $"pass_vault_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingLogGroups).Select(i => new FakeStore(LogGroup, $"pass_log_group_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
    }
}
