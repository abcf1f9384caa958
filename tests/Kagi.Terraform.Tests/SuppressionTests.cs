using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

public sealed class SuppressionTests
{
    [Fact]
    public void A_kagi_ignore_comment_on_or_inside_a_block_suppresses_that_rule_for_every_instance()
    {
        // Given one suppression on the block's line and one inside it, and a comment that is not one
        using var directory = new TempDirectory();
        var main = directory.Write("main.tf", """
            resource "aws_neptune_cluster" "graph" { # kagi:ignore neptune-cluster-cmk-encryption test data only
              count = 2
              // kagi:ignore neptune-cluster-backup-retention   restored nightly from S3
              # an ordinary comment
            }

            resource "aws_neptune_cluster" "other" {
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        // Then both instances carry both suppressions with their reasons and places; the other cluster none
        Assert.Empty(inventory.Diagnostics);
        var expected = new[]
        {
            new Suppression("neptune-cluster-cmk-encryption", "test data only", new SourceLocation(main, 1, 42)),
            new Suppression("neptune-cluster-backup-retention", "restored nightly from S3", new SourceLocation(main, 3, 3)),
        };
        var resources = inventory.Resources.ToDictionary(r => r.Id);
        Assert.Equal(expected, resources["aws_neptune_cluster.graph[0]"].Suppressions);
        Assert.Equal(expected, resources["aws_neptune_cluster.graph[1]"].Suppressions);
        Assert.Empty(resources["aws_neptune_cluster.other"].Suppressions);
    }

    [Fact]
    public void A_suppression_without_a_reason_is_kept_without_one_and_reported_as_a_warning_at_its_line()
    {
        using var directory = new TempDirectory();
        var main = directory.Write("main.tf", """
            resource "aws_neptune_cluster" "graph" {
              # kagi:ignore neptune-cluster-cmk-encryption
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        var warning = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(new SourceLocation(main, 2, 3), warning.Location);
        Assert.Contains("gives no reason", warning.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(Assert.Single(inventory.Resources).Suppressions).Reason);
    }

    [Fact]
    public void A_suppression_in_a_child_module_is_reported_once_however_many_instances_there_are()
    {
        using var directory = new TempDirectory();
        directory.Write("modules/db/main.tf", """
            resource "aws_neptune_cluster" "this" {
              # kagi:ignore neptune-cluster-cmk-encryption
            }
            """);
        directory.Write("main.tf", """
            module "db" {
              count  = 3
              source = "./modules/db"
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        Assert.Single(inventory.Diagnostics);
        Assert.Equal(3, inventory.Resources.Count);
    }
}
