using Kagi.Rules.Aws.Backup.Vaults;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed rebuild of a Backup vault carries everything across. In moto, a vault on the AWS-managed
/// aws/backup key with tags and a Vault Lock in compliance mode (7 to 365 days), targeted by a backup plan's rule, is
/// scanned; the failing finding's AWS CLI script runs exactly as printed (only the endpoint and the copy role come from the
/// environment), and the rescan must show the new vault passing the rule under a customer-managed key with the same tags
/// and lock, every rule that passed for the old vault passing for it, and the plan that targets the old vault named.
/// </summary>
/// <remarks>
/// What moto 5.2.1 cannot do, and so is not run against it: it has no recovery points, copy jobs, access policies or
/// notifications (ListRecoveryPointsByBackupVault, StartCopyJob, DescribeCopyJob, Get/PutBackupVaultAccessPolicy and
/// Get/PutBackupVaultNotifications answer 404). So the scan leaves the access policy and notifications unknown, and the
/// script says it does not carry them; the recovery-point steps run against a recording <c>aws</c> (the rest of the script
/// against moto) that lists one recovery point and completes its copy job, and each recorded call must name only options
/// that botocore's backup model has. The old vault is not deleted: it still holds that recovery point. The policy and
/// notification commands are proven against the fake (<see cref="BackupVaultMigrationFakeTests"/>).
/// </remarks>
public sealed class BackupVaultMigrationMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string CmkRule = "backup-vault-cmk-encryption";
    private const string RecoveryPoint = "arn:aws:backup:eu-west-1:123456789012:recovery-point:orders-1";
    private const string CopyRole = "arn:aws:iam::123456789012:role/backup-copier";

    private const string Setup = """
        backup = boto3.client("backup")
        backup.create_backup_vault(BackupVaultName="orders", BackupVaultTags={"team": "orders", "cost-center": "42"})
        backup.put_backup_vault_lock_configuration(BackupVaultName="orders", MinRetentionDays=7, MaxRetentionDays=365, ChangeableForDays=3)
        def plan(name, vault):
            return backup.create_backup_plan(BackupPlan={"BackupPlanName": name, "Rules": [{"RuleName": "daily", "TargetBackupVaultName": vault}]})["BackupPlanId"]
        backup.create_backup_vault(BackupVaultName="elsewhere", EncryptionKeyArn=kms.create_key()["KeyMetadata"]["Arn"])
        print(json.dumps({"orders": plan("nightly", "orders"), "elsewhere": plan("weekly", "elsewhere")}))
        """;

    // The recovery-point calls, recorded; the others go to moto.
    private const string RecordingAws = """
        () {
          case "$2" in
            list-recovery-points-by-backup-vault|start-copy-job|describe-copy-job)
              printf '%s\0' "$@" >> "$KAGI_CALLS"; printf '\036' >> "$KAGI_CALLS"
              case "$2 $*" in
                list-recovery-points-by-backup-vault*length*) echo 1 ;;
                list-recovery-points-by-backup-vault*) echo arn:aws:backup:eu-west-1:123456789012:recovery-point:orders-1 ;;
                start-copy-job*) echo copy-job-1 ;;
                *) echo COMPLETED ;;
              esac ;;
            *) command aws "$@" ;;
          esac
        }
        """;

    [Fact]
    public void The_printed_rebuild_carries_the_tags_and_lock_copies_each_recovery_point_and_names_the_plans()
    {
        // Given the vault on aws/backup, which the rule fails, when its printed script runs (the recovery-point calls recorded)
        var calls = Path.GetTempFileName();
        try
        {
            var fix = PrintedRebuild.RunWith(
                Endpoint,
                Region,
                CmkRule,
                resource => resource.Name is { IsKnown: true, Value: "orders" },
                variant: null,
                new Dictionary<string, string> { ["BASH_FUNC_aws%%"] = RecordingAws, ["KAGI_CALLS"] = calls, ["BACKUP_ROLE_ARN"] = CopyRole });

            // with the lock and tags the scan read, and what moto could not tell said in the script
            var old = (BackupVault)fix.Finding.Resource;
            Assert.Equal((BackupVault.ComplianceMode, 7, 365), (old.LockMode.Value, old.LockMinRetentionDays.Value, old.LockMaxRetentionDays.Value));
            Assert.False(old.AccessPolicy.IsKnown);
            Assert.Contains("--policy, --sns-topic-arn, --backup-vault-events", fix.Cli, StringComparison.Ordinal);

            // Then the new vault passes the CMK rule under a customer-managed key, and every rule that passed for the old one
            var replacement = Assert.Single(fix.After.Resources.OfType<BackupVault>(), vault => vault.Name.Value == "orders-cmk");
            fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);

            // and carries the tags and the lock, still in compliance mode
            Assert.Equal(old.Tags.Value.OrderBy(tag => tag.Key, StringComparer.Ordinal), replacement.Tags.Value.OrderBy(tag => tag.Key, StringComparer.Ordinal));
            Assert.Equal((old.LockMode.Value, old.LockMinRetentionDays.Value, old.LockMaxRetentionDays.Value), (replacement.LockMode.Value, replacement.LockMinRetentionDays.Value, replacement.LockMaxRetentionDays.Value));

            // and names the plan whose rule targets the old vault, not the other
            Assert.Contains(Keys["orders"], fix.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Keys["elsewhere"], fix.Output, StringComparison.Ordinal);

            // and copies the recovery point into the new vault as the copy role, each call taking only options AWS Backup has
            var recorded = RecordedAws.Read(calls);
            var copy = Assert.Single(recorded, call => call.Is("backup", "start-copy-job"));
            Assert.Equal((RecoveryPoint, "orders", replacement.Id, CopyRole), (copy.Option("--recovery-point-arn"), copy.Option("--source-backup-vault-name"), copy.Option("--destination-backup-vault-arn"), copy.Option("--iam-role-arn")));
            Assert.Single(recorded, call => call.Is("backup", "describe-copy-job") && call.Option("--copy-job-id") == "copy-job-1");
            Assert.Empty(RecordedAws.UnknownOptions(recorded, "backup"));

            // and the old vault is kept: it still holds its recovery point
            Assert.Contains(fix.After.Resources.OfType<BackupVault>(), vault => vault.Id == old.Id);
        }
        finally
        {
            File.Delete(calls);
        }
    }
}
