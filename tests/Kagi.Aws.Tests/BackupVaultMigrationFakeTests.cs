using System.Text.Json;
using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// What moto 5.2.1 cannot hold of a Backup vault (an access policy, notifications), the fake answers
/// (<c>fail_vault_aws_managed</c> in <see cref="Scenarios"/>): the scan reads them, and the printed script, run by bash
/// with <c>aws</c> recorded, puts them on the new vault with the options botocore's backup model has.
/// </summary>
public sealed class BackupVaultMigrationFakeTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    private const string Vault = "fail_vault_aws_managed";

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ja)]
    public void The_printed_script_puts_the_access_policy_and_notifications_on_the_new_vault(Language language)
    {
        var calls = RecordedAws.Run(Fix(RemediationMedium.AwsCli, language), new Dictionary<string, string>());

        var policy = Assert.Single(calls, call => call.Is("backup", "put-backup-vault-access-policy"));
        Assert.Equal($"{Vault}-cmk", policy.Option("--backup-vault-name"));
        Assert.Equal("2012-10-17", JsonDocument.Parse(policy.Option("--policy")!).RootElement.GetProperty("Version").GetString());
        var notifications = Assert.Single(calls, call => call.Is("backup", "put-backup-vault-notifications"));
        Assert.Equal($"{Vault}-cmk", notifications.Option("--backup-vault-name"));
        Assert.Equal("arn:aws:sns:eu-west-1:111122223333:backups", notifications.Option("--sns-topic-arn"));
        Assert.Equal(["BACKUP_JOB_FAILED", "COPY_JOB_FAILED"], notifications.Options("--backup-vault-events"));
        Assert.Empty(RecordedAws.UnknownOptions(calls, "backup"));

        // and the old vault is deleted only when confirmed
        Assert.DoesNotContain(calls, call => call.Is("backup", "delete-backup-vault"));
    }

    [Fact]
    public void The_console_steps_list_the_access_policy_and_notifications()
    {
        var console = Fix(RemediationMedium.Console, Language.En);

        Assert.Contains("arn:aws:sns:eu-west-1:111122223333:backups", console, StringComparison.Ordinal);
        Assert.Contains("BACKUP_JOB_FAILED, COPY_JOB_FAILED", console, StringComparison.Ordinal);
    }

    private string Fix(RemediationMedium medium, Language language)
    {
        var finding = Scans.Judge(scan.Result.Inventory).Single(f => f.Rule.Id == "backup-vault-cmk-encryption" && f.Resource.Region == Scenarios.Verdicts && f.Resource.Name is { IsKnown: true, Value: Vault });
        Assert.Equal(ResultStatus.Fail, finding.Status);
        return FindingText.Render(finding, language).FixIn(medium);
    }
}
