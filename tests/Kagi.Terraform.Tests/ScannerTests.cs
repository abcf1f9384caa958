using Kagi.Core.Model;
using Kagi.Terraform.Tests.Support;
using Kagi.Testing;

namespace Kagi.Terraform.Tests;

public sealed class ScannerTests
{
    private const string EncryptedCluster = """
        resource "aws_neptune_cluster" "graph" {
          cluster_identifier = "graph"
          storage_encrypted  = true
        }
        """;

    private static string Seed => Path.Combine(RepoPaths.Root, "examples", "seed-article");

    [Fact]
    public void The_seed_articles_cluster_is_joined_to_its_customer_managed_key()
    {
        // Given the seed article's remediation Terraform
        // When it is scanned
        var inventory = new TerraformScanner().Scan([Seed]);

        // Then the cluster is encrypted with the configuration's CMK, and nothing went wrong reading it
        Assert.Empty(inventory.Diagnostics);
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal("aws_neptune_cluster.my_encrypted_neptune_cluster", cluster.Id);
        Assert.Equal("my-secure-neptune-cluster", cluster.Name.Value);
        Assert.Equal(KeyLevel.Customer, cluster.KeyLevel.Value);
        Assert.Equal("aws_kms_key.neptune_cmk", Assert.IsType<KeyReference.Described>(cluster.Key).Key.Id);
        Assert.Equal(new SourceLocation(Path.Combine(Seed, "main.tf"), 83), cluster.Location);
        Assert.Equal("ap-northeast-1", cluster.Region);
    }

    [Fact]
    public void Resources_come_in_file_then_line_order()
    {
        var inventory = new TerraformScanner().Scan([Seed]);

        Assert.Equal(["aws_kms_key.neptune_cmk", "aws_neptune_cluster.my_encrypted_neptune_cluster"], inventory.Resources.Select(r => r.Id));
    }

    [Fact]
    public void A_file_that_does_not_parse_is_reported_and_the_other_files_of_the_module_are_still_read()
    {
        // Given a module with one broken file beside a good one
        using var directory = new TempDirectory();
        directory.Write("broken.tf", "resource \"aws_kms_key\" \"k\" {\n  description = \n");
        directory.Write("cluster.tf", EncryptedCluster);

        // When it is scanned
        var inventory = new TerraformScanner().Scan([directory.Path]);

        // Then the parse error is one diagnostic at its place, and the good file's cluster is there
        var error = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(Path.Combine(directory.Path, "broken.tf"), error.Location?.File);
        Assert.True(error.Location?.Line >= 2);
        Assert.Equal("aws_neptune_cluster.graph", Assert.Single(inventory.Resources).Id);
    }

    [Fact]
    public void Every_directory_with_configuration_is_a_module_except_hidden_ones_and_dot_terraform()
    {
        // Given a tree of modules, with downloaded modules and a hidden directory
        using var directory = new TempDirectory();
        directory.Write("main.tf", EncryptedCluster);
        directory.Write("modules/db/main.tf", EncryptedCluster.Replace("\"graph\"", "\"db\"", StringComparison.Ordinal));
        directory.Write(".terraform/modules/x/main.tf", EncryptedCluster);
        directory.Write(".hidden/main.tf", EncryptedCluster);
        directory.Write("docs/readme.md", "no configuration here");

        // When the root is scanned
        var inventory = new TerraformScanner().Scan([directory.Path]);

        // Then the root and the nested module are read, and nothing else
        Assert.Equal(
            [Path.Combine(directory.Path, "main.tf"), Path.Combine(directory.Path, "modules", "db", "main.tf")],
            inventory.Resources.Select(r => r.Location!.File));
    }

    [Fact]
    public void A_single_file_is_a_module_of_that_file_alone()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("cluster.tf", EncryptedCluster);
        directory.Write("other.tf", "resource \"aws_neptune_cluster\" \"other\" {}\n");

        var inventory = new TerraformScanner().Scan([path]);

        Assert.Equal("aws_neptune_cluster.graph", Assert.Single(inventory.Resources).Id);
    }

    [Fact]
    public void A_single_file_referring_to_the_modules_other_files_gets_unknowns_not_errors()
    {
        // Given a cluster file whose key is declared in another file of the module
        using var directory = new TempDirectory();
        var path = directory.Write("cluster.tf", """
            resource "aws_neptune_cluster" "graph" {
              storage_encrypted = true
              kms_key_arn       = aws_kms_key.graph.arn
              tags              = { env = var.env, owner = local.owner }
            }
            """);
        directory.Write("kms.tf", "resource \"aws_kms_key\" \"graph\" {}\n");

        // When the cluster file alone is scanned
        var inventory = new TerraformScanner().Scan([path]);

        // Then nothing is reported, and the key is undetermined rather than guessed
        Assert.Empty(inventory.Diagnostics);
        Assert.IsType<KeyReference.Undetermined>(Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Key);
    }

    [Fact]
    public void A_relative_path_stays_relative_in_locations()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", EncryptedCluster);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, directory.Path);

        var inventory = new TerraformScanner().Scan([relative]);

        Assert.Equal(Path.Combine(relative, "main.tf"), Assert.Single(inventory.Resources).Location?.File);
    }

    [Fact]
    public void A_tf_json_file_is_configuration_in_json_syntax_not_a_plan()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("main.tf.json", """
            {
              "resource": {
                "aws_kms_key": { "graph": { "description": "graph key" } },
                "aws_neptune_cluster": {
                  "graph": {
                    "cluster_identifier": "graph",
                    "storage_encrypted": true,
                    "kms_key_arn": "${aws_kms_key.graph.arn}"
                  }
                }
              }
            }
            """);

        var inventory = new TerraformScanner().Scan([path]);

        Assert.Empty(inventory.Diagnostics);
        Assert.Equal(KeyLevel.Customer, Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).KeyLevel.Value);
    }

    [Fact]
    public void An_override_file_replaces_the_arguments_it_names_whatever_its_place_in_lexical_order()
    {
        // Given a cluster whose key an override file changes to the AWS-managed alias
        using var directory = new TempDirectory();
        directory.Write("a_override.tf", """
            resource "aws_neptune_cluster" "graph" {
              kms_key_arn = "alias/aws/rds"
            }
            """);
        directory.Write("main.tf", """
            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = "graph"
              storage_encrypted  = true
              kms_key_arn        = "alias/neptune"
            }
            """);

        // When the module is scanned
        var inventory = new TerraformScanner().Scan([directory.Path]);

        // Then the override wins, and the cluster keeps the original's place and other arguments
        Assert.Empty(inventory.Diagnostics);
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal(new KeyReference.Alias("alias/aws/rds"), cluster.Key);
        Assert.Equal("graph", cluster.Name.Value);
        Assert.Equal(Path.Combine(directory.Path, "main.tf"), cluster.Location?.File);
    }

    [Fact]
    public void An_override_of_nothing_is_reported()
    {
        using var directory = new TempDirectory();
        directory.Write("override.tf", "resource \"aws_neptune_cluster\" \"ghost\" {}\n");

        var inventory = new TerraformScanner().Scan([directory.Path]);

        Assert.Contains("overrides nothing", Assert.Single(inventory.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scanning_the_parsers_corpus_valid_and_invalid_and_garbage_never_throws()
    {
        // Given every corpus file, broken ones included, and files of noise
        using var directory = new TempDirectory();
        var random = new Random(7);
        var noise = new byte[2048];
        random.NextBytes(noise);
        File.WriteAllBytes(Path.Combine(directory.Path, "noise.tf"), noise);
        File.WriteAllBytes(Path.Combine(directory.Path, "noise.json"), noise);
        directory.Write("deep.json", """{"format_version":"1.2","planned_values":""" + new string('[', 5000));

        // When all of it is scanned
        var inventory = new TerraformScanner().Scan([Path.Combine(RepoPaths.Root, "tests", "corpus"), directory.Path]);

        // Then every problem is a diagnostic
        Assert.NotEmpty(inventory.Diagnostics);
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Message.Contains("a bug", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_path_is_a_diagnostic_not_an_exception()
    {
        var inventory = new TerraformScanner().Scan(["/no/such/kagi/path"]);

        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(inventory.Diagnostics).Severity);
        Assert.Empty(inventory.Resources);
    }

    [Fact]
    public void An_unknown_function_is_a_diagnostic_with_file_and_line_and_the_cluster_is_still_mapped()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = "graph"
              storage_encrypted  = true
              kms_key_arn        = fancykey("neptune")
            }
            """);

        var inventory = new TerraformScanner().Scan([directory.Path]);

        var error = Assert.Single(inventory.Diagnostics);
        Assert.Equal((Path.Combine(directory.Path, "main.tf"), 4), (error.Location?.File, error.Location?.Line));
        Assert.Contains("fancykey", error.Message, StringComparison.Ordinal);
        Assert.IsType<KeyReference.Undetermined>(Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Key);
    }

    [Fact]
    public void A_locals_cycle_in_a_file_names_both_locals_with_their_lines()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            locals {
              a = local.b
              b = local.a
            }
            """);

        var inventory = new TerraformScanner().Scan([directory.Path]);

        var cycle = Assert.Single(inventory.Diagnostics);
        Assert.Contains("local.a (", cycle.Message, StringComparison.Ordinal);
        Assert.Contains("main.tf:2)", cycle.Message, StringComparison.Ordinal);
        Assert.Contains("main.tf:3)", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_references_through_locals_variables_and_data_sources_resolve_in_real_configuration()
    {
        // Given clusters naming their keys in the ways real code does
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            variable "rds_alias" {
              default = "alias/aws/rds"
            }

            locals {
              keys = {
                app = aws_kms_key.app.arn
              }
            }

            resource "aws_kms_key" "app" {
              description = "app"
            }

            data "aws_kms_alias" "rds" {
              name = var.rds_alias
            }

            resource "aws_neptune_cluster" "pass_local" {
              storage_encrypted = true
              kms_key_arn       = lookup(local.keys, "app")
            }

            resource "aws_neptune_cluster" "pass_legacy_idiom" {
              count             = 1
              storage_encrypted = true
              kms_key_arn       = "${element(concat(aws_kms_key.app.*.arn, [""]), 0)}"
            }

            resource "aws_neptune_cluster" "fail_data_alias" {
              storage_encrypted = true
              kms_key_arn       = data.aws_kms_alias.rds.target_key_arn
            }
            """);

        // When it is scanned
        var clusters = new TerraformScanner().Scan([directory.Path]).Resources.OfType<NeptuneCluster>().ToDictionary(c => c.Id);

        // Then each cluster's key level is what the table of key protection levels says
        Assert.Equal(KeyLevel.Customer, clusters["aws_neptune_cluster.pass_local"].KeyLevel.Value);
        Assert.Equal(KeyLevel.AwsManaged, clusters["aws_neptune_cluster.fail_data_alias"].KeyLevel.Value);
        Assert.Equal(KeyLevel.Customer, clusters["aws_neptune_cluster.pass_legacy_idiom[0]"].KeyLevel.Value);
    }

    [Fact]
    public void Templatefile_renders_a_template_relative_to_the_module()
    {
        using var directory = new TempDirectory();
        directory.Write("name.tpl", "${prefix}-%{ for n in parts }${n}%{ endfor }");
        directory.Write("main.tf", """
            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = templatefile("${path.module}/name.tpl", { prefix = "graph", parts = ["a", "b"] })
            }
            """);

        var inventory = new TerraformScanner().Scan([directory.Path]);

        Assert.Empty(inventory.Diagnostics);
        Assert.Equal("graph-ab", Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Name.Value);
    }

    [Fact]
    public void A_sensitive_variables_value_never_appears_in_a_diagnostic()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            variable "secret" {
              default   = "hunter2-is-not-json"
              sensitive = true
            }

            locals {
              decoded = jsondecode(var.secret)
              number  = tonumber(var.secret)
            }
            """);

        var inventory = new TerraformScanner().Scan([directory.Path]);

        Assert.Equal(2, inventory.Diagnostics.Count);
        Assert.All(inventory.Diagnostics, d => Assert.DoesNotContain("hunter2", d.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_for_each_resource_is_an_empty_object_and_the_resource_prefix_names_a_managed_resource()
    {
        // Given resources expanded by an empty for_each (an object, as Terraform makes it) and a count of 0 (a tuple),
        // and a key named with the resource. prefix
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            resource "aws_kms_key" "by_name" {
              for_each = {}
            }

            resource "aws_kms_key" "none" {
              count = 0
            }

            resource "aws_kms_key" "graph" {
            }

            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = "n${length(keys(merge(aws_kms_key.by_name, {})))}-${length(aws_kms_key.none)}"
              storage_encrypted  = true
              kms_key_arn        = resource.aws_kms_key.graph.arn
            }
            """);

        // When it is scanned
        var inventory = new TerraformScanner().Scan([directory.Path]);

        // Then the collections evaluate and the key is joined through the prefixed reference
        Assert.Empty(inventory.Diagnostics);
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal("n0-0", cluster.Name.Value);
        Assert.Equal("aws_kms_key.graph", Assert.IsType<KeyReference.Described>(cluster.Key).Key.Id);
    }

    [Fact]
    public void A_data_source_argument_left_null_is_read_at_plan_time_not_null()
    {
        // Given a data source whose optional, computed argument is given a null variable (as the vpc flow-log module does)
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            variable "region" {
              type    = string
              default = null
            }

            data "aws_availability_zones" "here" {
              state = var.region
            }

            resource "aws_neptune_cluster" "graph" {
              cluster_identifier = "graph-${data.aws_availability_zones.here.state}"
              storage_encrypted  = true
            }
            """);

        // When it is scanned
        var inventory = new TerraformScanner().Scan([directory.Path]);

        // Then there is no "cannot interpolate a null value" error: the name is unknown, read when Terraform plans
        Assert.Empty(inventory.Diagnostics);
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.False(cluster.Name.IsKnown);
        Assert.Contains("data.aws_availability_zones.here.state is read from the provider when Terraform plans", cluster.Name.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void What_terraform_evaluates_and_kagi_does_not_is_unknown_with_a_warning_never_an_error()
    {
        // Given a format verb Terraform has and Kagi lacks, inside try() too (whose fallback would be a wrong value)
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            resource "aws_neptune_cluster" "hex" {
              cluster_identifier = format("graph-%x", 255)
              storage_encrypted  = true
            }

            resource "aws_neptune_cluster" "tried" {
              cluster_identifier = try(format("graph-%x", 255), "fallback")
              storage_encrypted  = true
            }
            """);

        // When it is scanned
        var inventory = new TerraformScanner().Scan([directory.Path]);

        // Then no error fails the scan: each name is unknown, with a warning naming what Kagi does not evaluate
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("%x", StringComparison.Ordinal));
        Assert.All(inventory.Resources.OfType<NeptuneCluster>(), cluster => Assert.False(cluster.Name.IsKnown));
        Assert.Equal(2, inventory.Resources.OfType<NeptuneCluster>().Count());
    }
}
