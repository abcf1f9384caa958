using Kagi.Rules.Aws.Logs.LogGroups;
using Kagi.Rules.Aws.SecretsManager.Secrets;

namespace Kagi.Aws.Tests.Fake;

/// <summary>The kinds served by the JSON-protocol APIs of issue 14 (Secrets Manager, CloudWatch Logs), on the keys the other scenarios hold.</summary>
internal static partial class Scenarios
{
    /// <summary>Three pages of 100 secrets.</summary>
    public const int PagingSecrets = 230;

    /// <summary>Three pages of 50 log groups.</summary>
    public const int PagingLogGroups = 120;

    public static readonly string Secret = SecretsManagerSecret.Descriptor.Type;

    public static readonly string LogGroup = LogsLogGroup.Descriptor.Type;

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
            new(LogGroup, "pass_log_group_cmk", KmsKeyId: Key(1)),
            new(LogGroup, "pass_log_group_hsm", KmsKeyId: Key(2)),
            new(LogGroup, "fail_log_group_service_owned"),
            new(LogGroup, "unknown_log_group_cross_account_denied", KmsKeyId: Key(7, "999988887777")),
        ]);
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingSecrets).Select(i => new FakeStore(Secret, $"pass_secret_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
        scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingLogGroups).Select(i => new FakeStore(LogGroup, $"pass_log_group_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
    }
}
