using System.Globalization;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

/// <summary>Module directories are parsed, and root modules evaluated, in parallel: the inventory must not show it.</summary>
public sealed class ParallelScanTests
{
    private const string SharedModule = """
        variable "name" {
          type = string
        }

        resource "aws_kms_key" "this" {
          description = "key of ${var.name}"
        }

        resource "aws_neptune_cluster" "this" {
          count              = 2
          cluster_identifier = "${var.name}-${count.index}"
          storage_encrypted  = true
          kms_key_arn        = aws_kms_key.this.arn
        }
        """;

    [Fact]
    public void A_tree_of_many_roots_reads_the_same_inventory_in_the_same_order_on_one_thread_or_many_and_run_after_run()
    {
        // Given 40 root modules of several files each: all call a shared module, some a module that is not there, some
        // hold a file that does not parse, and each has resources and a suppression of its own
        using var directory = new TempDirectory();
        directory.Write("modules/shared/main.tf", SharedModule);
        for (var root = 0; root < 40; root++)
        {
            var folder = string.Create(CultureInfo.InvariantCulture, $"roots/root-{root:D2}");
            directory.Write($"{folder}/main.tf", $$"""
                module "shared" {
                  source = "../../modules/shared"
                  name   = "root{{root}}"
                }

                resource "aws_kms_key" "own" {
                  # kagi:ignore kms-key-rotation-enabled root {{root}} rotates by hand
                  description = "root {{root}}"
                }
                """);
            directory.Write($"{folder}/queues.tf", $$"""
                resource "aws_sqs_queue" "events" {
                  count             = {{root % 3}}
                  name              = "events-{{root}}-${count.index}"
                  kms_master_key_id = aws_kms_key.own.arn
                }
                """);
            if (root % 4 == 0)
            {
                directory.Write($"{folder}/broken.tf", "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \n}\n");
            }

            if (root % 5 == 0)
            {
                directory.Write($"{folder}/missing.tf", "module \"gone\" {\n  source = \"../../modules/gone\"\n}\n");
            }
        }

        // When it is scanned on one thread, then three times on eight
        var once = Saved(directory.Path, parallelism: 1);
        var parallel = Enumerable.Range(0, 3).Select(_ => Saved(directory.Path, parallelism: 8)).ToList();

        // Then every scan reads the one inventory, resources and diagnostics in the same order, and there is enough of
        // both for an order that depended on the threads to show
        Assert.All(parallel, saved => Assert.Equal(once.Text, saved.Text));
        Assert.Equal(40 * 4 + Enumerable.Range(0, 40).Sum(root => root % 3), once.Inventory.Resources.Count);
        Assert.Equal(10, once.Inventory.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Equal(8, once.Inventory.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
        Assert.Equal(40, once.Inventory.Resources.Count(r => r.Suppressions.Count == 1));
    }

    private static (string Text, Inventory Inventory) Saved(string path, int parallelism)
    {
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers, new TerraformScanOptions { Parallelism = parallelism }).Scan([path]);

        // The saved inventory holds every fact and diagnostic; the scope and suppressions it leaves out are added.
        var resources = inventory.Resources.Select(r => $"{r.Scope} {r.Id} {string.Join(",", r.Suppressions.Select(s => s.RuleId))}");
        return (InventoryFile.Write(new SavedInventory("terraform", [path], inventory)) + string.Join("\n", resources), inventory);
    }
}
