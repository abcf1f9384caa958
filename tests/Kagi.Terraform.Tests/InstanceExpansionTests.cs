using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

public sealed class InstanceExpansionTests
{
    private static Inventory Scan(string main, TerraformScanOptions? options = null)
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", main);
        return new TerraformScanner(KindCatalog.TerraformMappers, options).Scan([directory.Path]);
    }

    [Fact]
    public void Count_gives_one_instance_per_index_with_count_index_in_scope()
    {
        // Given a cluster counted twice whose encryption depends on count.index
        var inventory = Scan("""
            resource "aws_neptune_cluster" "graph" {
              count              = 2
              cluster_identifier = "graph-${count.index}"
              storage_encrypted  = count.index == 0
            }
            """);

        // Then each instance has Terraform's address and its own values
        Assert.Empty(inventory.Diagnostics);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToList();
        Assert.Equal(["aws_neptune_cluster.graph[0]", "aws_neptune_cluster.graph[1]"], clusters.Select(c => c.Id));
        Assert.Equal(["graph-0", "graph-1"], clusters.Select(c => c.Name.Value));
        Assert.Equal([true, false], clusters.Select(c => c.StorageEncrypted.Value));
    }

    [Fact]
    public void Instances_share_what_does_not_name_count_and_keep_their_own_of_what_does()
    {
        // Given three counted clusters whose tags name no count.index, and three whose tags do
        var inventory = Scan("""
            variable "team" {
              default = "graph"
            }

            resource "aws_neptune_cluster" "shared" {
              count              = 3
              cluster_identifier = "shared-${count.index}"
              tags               = { Team = var.team }
            }

            resource "aws_neptune_cluster" "own" {
              count              = 3
              cluster_identifier = "own-${count.index}"
              tags               = { Team = var.team, Index = "${count.index}" }
            }
            """);

        // Then the first three hold one tags dictionary, location and declaration between them
        Assert.Empty(inventory.Diagnostics);
        var shared = inventory.Resources.Where(r => r.Id.StartsWith("aws_neptune_cluster.shared", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, shared.Count);
        Assert.All(shared, cluster => Assert.Same(shared[0].Tags.Value, cluster.Tags.Value));
        Assert.All(shared, cluster => Assert.Same(shared[0].Location, cluster.Location));
        Assert.All(shared, cluster => Assert.Same(shared[0].Declaration, cluster.Declaration));
        Assert.Equal("graph", shared[2].Tags.Value["Team"]);

        // And the other three each have their own tags, with their own index
        var own = inventory.Resources.Where(r => r.Id.StartsWith("aws_neptune_cluster.own", StringComparison.Ordinal)).ToList();
        Assert.Equal(["0", "1", "2"], own.Select(cluster => cluster.Tags.Value["Index"]));
        Assert.NotSame(own[0].Tags.Value, own[1].Tags.Value);
        Assert.Same(own[0].Declaration, own[2].Declaration);
    }

    [Fact]
    public void An_error_in_an_argument_that_names_no_count_is_reported_once_for_all_instances()
    {
        // Given a counted cluster whose argument calls a function wrongly, the same in every instance
        var inventory = Scan("""
            resource "aws_neptune_cluster" "graph" {
              count              = 3
              cluster_identifier = "graph-${count.index}"
              storage_encrypted  = tobool("maybe")
            }
            """);

        // Then the error is one diagnostic, and every instance's value is unknown for it
        Assert.Single(inventory.Diagnostics);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToList();
        Assert.Equal(3, clusters.Count);
        Assert.All(clusters, cluster => Assert.False(cluster.StorageEncrypted.IsKnown));
    }

    [Fact]
    public void Count_zero_gives_no_instance()
    {
        var inventory = Scan("""
            resource "aws_neptune_cluster" "graph" {
              count = 0
            }
            """);

        Assert.Empty(inventory.Resources);
        Assert.Empty(inventory.Diagnostics);
    }

    [Fact]
    public void For_each_over_a_map_gives_quoted_keys_and_each_value()
    {
        var inventory = Scan("""
            resource "aws_neptune_cluster" "graph" {
              for_each           = { prod = true, dev = false }
              cluster_identifier = each.key
              storage_encrypted  = each.value
            }
            """);

        Assert.Empty(inventory.Diagnostics);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToList();
        Assert.Equal(["aws_neptune_cluster.graph[\"dev\"]", "aws_neptune_cluster.graph[\"prod\"]"], clusters.Select(c => c.Id));
        Assert.Equal([false, true], clusters.Select(c => c.StorageEncrypted.Value));
    }

    [Fact]
    public void For_each_over_toset_keys_each_instance_by_its_element()
    {
        var inventory = Scan("""
            resource "aws_neptune_cluster" "graph" {
              for_each           = toset(["b", "a", "b"])
              cluster_identifier = "graph-${each.value}"
            }
            """);

        Assert.Equal(["aws_neptune_cluster.graph[\"a\"]", "aws_neptune_cluster.graph[\"b\"]"], inventory.Resources.Select(c => c.Id));
        Assert.Equal("graph-a", inventory.Resources[0].Name.Value);
    }

    [Fact]
    public void A_cluster_joins_the_key_instance_its_count_index_names()
    {
        var inventory = Scan("""
            resource "aws_kms_key" "k" {
              count = 2
            }

            resource "aws_neptune_cluster" "graph" {
              count             = 2
              storage_encrypted = true
              kms_key_arn       = aws_kms_key.k[count.index].arn
            }
            """);

        Assert.Empty(inventory.Diagnostics);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToList();
        Assert.Equal(["aws_kms_key.k[0]", "aws_kms_key.k[1]"], clusters.Select(c => Assert.IsType<KeyReference.Described>(c.Key).Key.Id));
        Assert.All(clusters, c => Assert.Equal(KeyLevel.Customer, c.KeyLevel.Value));
    }

    [Fact]
    public void For_each_over_another_resource_expands_by_its_keys()
    {
        var inventory = Scan("""
            resource "aws_kms_key" "k" {
              for_each = toset(["a", "b"])
            }

            resource "aws_neptune_cluster" "graph" {
              for_each          = aws_kms_key.k
              storage_encrypted = true
              kms_key_arn       = each.value.arn
            }
            """);

        Assert.Empty(inventory.Diagnostics);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToList();
        Assert.Equal(["aws_neptune_cluster.graph[\"a\"]", "aws_neptune_cluster.graph[\"b\"]"], clusters.Select(c => c.Id));
        Assert.Equal(["aws_kms_key.k[\"a\"]", "aws_kms_key.k[\"b\"]"], clusters.Select(c => Assert.IsType<KeyReference.Described>(c.Key).Key.Id));
    }

    [Fact]
    public void A_count_known_only_after_apply_scans_one_instance_under_the_plain_address_with_a_warning()
    {
        var inventory = Scan("""
            resource "aws_kms_key" "k" {
            }

            resource "aws_neptune_cluster" "graph" {
              count             = length(aws_kms_key.k.arn) > 0 ? 1 : 0
              storage_encrypted = count.index == 0
            }
            """);

        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal("aws_neptune_cluster.graph", cluster.Id);
        Assert.False(cluster.StorageEncrypted.IsKnown);
        var warning = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(5, warning.Location?.Line);
        Assert.Contains("count is not known when Kagi scans (the condition is known only after apply: aws_kms_key.k.arn is known only after apply)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_each_over_a_list_is_an_error_at_its_line_and_the_resource_is_still_scanned_once()
    {
        var inventory = Scan("""
            resource "aws_neptune_cluster" "graph" {
              for_each = ["a", "b"]
            }
            """);

        var error = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(2, error.Location?.Line);
        Assert.Contains("toset()", error.Message, StringComparison.Ordinal);
        Assert.Equal("aws_neptune_cluster.graph", Assert.Single(inventory.Resources).Id);
    }

    [Fact]
    public void Each_outside_a_for_each_block_is_an_error()
    {
        var inventory = Scan("""
            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = each.key
            }
            """);

        var error = Assert.Single(inventory.Diagnostics);
        Assert.Contains("only in a block that sets for_each", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("length(data.aws_availability_zones.available.names)", "data.aws_availability_zones.available.names is read from the provider when Terraform plans")]
    [InlineData("length(aws_kms_key.k.id)", "aws_kms_key.k.id is known only after apply")]
    public void An_unknown_count_says_what_is_unknown_a_data_source_read_at_plan_or_a_value_known_after_apply(string count, string reason)
    {
        // Given (issue 16 item 8's reproduction) a count from a data source Terraform reads at plan time, or from a new resource
        var inventory = Scan($$"""
            data "aws_availability_zones" "available" {}

            resource "aws_kms_key" "k" {}

            resource "aws_neptune_cluster" "c" {
              count             = {{count}}
              storage_encrypted = true
            }
            """);

        // Then the warning names what is unknown, and does not call a plan-time read "after apply"
        var warning = Assert.Single(inventory.Diagnostics);
        Assert.StartsWith($"aws_neptune_cluster.c: count is not known when Kagi scans ({reason}", warning.Message, StringComparison.Ordinal);
    }
}
