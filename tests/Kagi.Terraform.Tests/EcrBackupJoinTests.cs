using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Backup.Vaults;
using Kagi.Rules.Aws.Ecr.Repositories;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

/// <summary>
/// An ECR repository and a Backup vault declared in Terraform carry what their rebuilds need: their own settings, and the
/// policies, notifications and lock declared apart that name them (by reference or by name); one that names another
/// repository or vault is not theirs.
/// </summary>
public sealed class EcrBackupJoinTests
{
    private const string Configuration = """
        resource "aws_ecr_repository" "api" {
          name                 = "orders/api"
          image_tag_mutability = "IMMUTABLE"
          image_scanning_configuration {
            scan_on_push = true
          }
        }

        resource "aws_ecr_repository" "spare" {
          name = "spare"
        }

        resource "aws_ecr_lifecycle_policy" "api" {
          repository = aws_ecr_repository.api.name
          policy     = jsonencode({ rules = [{ rulePriority = 1, action = { type = "expire" } }] })
        }

        resource "aws_ecr_repository_policy" "api" {
          repository = "orders/api"
          policy     = jsonencode({ Version = "2012-10-17", Statement = [] })
        }

        resource "aws_backup_vault" "orders" {
          name = "orders"
        }

        resource "aws_backup_vault" "other" {
          name = "other"
        }

        resource "aws_backup_vault_policy" "orders" {
          backup_vault_name = aws_backup_vault.orders.name
          policy            = jsonencode({ Version = "2012-10-17", Statement = [] })
        }

        resource "aws_backup_vault_notifications" "orders" {
          backup_vault_name   = "orders"
          sns_topic_arn       = "arn:aws:sns:eu-west-1:111122223333:backups"
          backup_vault_events = ["BACKUP_JOB_FAILED", "COPY_JOB_FAILED"]
        }

        resource "aws_backup_vault_lock_configuration" "orders" {
          backup_vault_name   = aws_backup_vault.orders.name
          min_retention_days  = 7
          max_retention_days  = 365
          changeable_for_days = 3
        }
        """;

    [Fact]
    public void A_repository_carries_its_settings_and_the_policies_that_name_it()
    {
        var repositories = Scan().Resources.OfType<EcrRepository>().ToDictionary(repository => repository.Name.Value);

        var api = repositories["orders/api"];
        Assert.Equal(("IMMUTABLE", true), (api.ImageTagMutability.Value, api.ScanOnPush.Value));
        Assert.Contains("expire", api.LifecyclePolicy.Value, StringComparison.Ordinal);
        Assert.Contains("2012-10-17", api.RepositoryPolicy.Value, StringComparison.Ordinal);
        var spare = repositories["spare"];
        Assert.Equal((null, false, null, null), (spare.ImageTagMutability.Value, spare.ScanOnPush.Value, spare.LifecyclePolicy.Value, spare.RepositoryPolicy.Value));
    }

    [Fact]
    public void A_vault_carries_the_policy_notifications_and_lock_that_name_it()
    {
        var vaults = Scan().Resources.OfType<BackupVault>().ToDictionary(vault => vault.Name.Value);

        var orders = vaults["orders"];
        Assert.Contains("2012-10-17", orders.AccessPolicy.Value, StringComparison.Ordinal);
        Assert.Equal("arn:aws:sns:eu-west-1:111122223333:backups", orders.NotificationTopicArn.Value);
        Assert.Equal(["BACKUP_JOB_FAILED", "COPY_JOB_FAILED"], orders.NotificationEvents.Value);
        Assert.Equal((BackupVault.ComplianceMode, 7, 365), (orders.LockMode.Value, orders.LockMinRetentionDays.Value, orders.LockMaxRetentionDays.Value));
        Assert.Equal((null, null, 0), (vaults["other"].AccessPolicy.Value, vaults["other"].LockMode.Value, vaults["other"].LockMinRetentionDays.Value));
    }

    [Fact]
    public void The_printed_fixes_carry_the_declared_settings()
    {
        var inventory = Scan();
        var findings = RuleEngine.Run(inventory, [RuleCatalog.Find("ecr-repository-cmk-encryption")!, RuleCatalog.Find("backup-vault-cmk-encryption")!], ScanOptions.Default);
        string Fix(string name, RemediationMedium medium) =>
            FindingText.Render(Assert.Single(findings, f => f.Resource.Name is { IsKnown: true } named && named.Value == name), Language.En).FixIn(medium);

        var repository = Fix("orders/api", RemediationMedium.AwsCli);
        Assert.Contains("--image-tag-mutability IMMUTABLE", repository, StringComparison.Ordinal);
        Assert.Contains("--image-scanning-configuration scanOnPush=true", repository, StringComparison.Ordinal);
        Assert.Contains("aws ecr put-lifecycle-policy", repository, StringComparison.Ordinal);
        Assert.Contains("aws ecr set-repository-policy", repository, StringComparison.Ordinal);
        Assert.Contains("scan_on_push = true", Fix("orders/api", RemediationMedium.Terraform), StringComparison.Ordinal);

        var vault = Fix("orders", RemediationMedium.AwsCli);
        Assert.Contains("--min-retention-days 7 \\\n  --max-retention-days 365 \\\n  --changeable-for-days 3", vault, StringComparison.Ordinal);
        Assert.Contains("--backup-vault-events BACKUP_JOB_FAILED COPY_JOB_FAILED", vault, StringComparison.Ordinal);
        Assert.Contains("aws backup put-backup-vault-access-policy", vault, StringComparison.Ordinal);
        Assert.DoesNotContain("put-backup-vault-lock-configuration", Fix("other", RemediationMedium.AwsCli), StringComparison.Ordinal);
    }

    private static Inventory Scan()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", Configuration);
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return inventory;
    }
}
