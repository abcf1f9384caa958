using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

public sealed class RootVariableTests
{
    private const string Cluster = """
        variable "name" {
          type    = string
          default = "from-default"
        }

        resource "aws_neptune_cluster" "graph" {
          cluster_identifier = var.name
        }
        """;

    private static string NameAfter(TempDirectory directory, TerraformScanOptions? options = null)
    {
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers, options).Scan([directory.Path]);
        Assert.Empty(inventory.Diagnostics);
        return Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Name.Value!;
    }

    [Fact]
    public void Each_source_overrides_the_ones_Terraform_reads_before_it()
    {
        // Given every kind of variable source, from the environment to the command line
        using var directory = new TempDirectory();
        directory.Write("main.tf", Cluster);
        var environment = new Dictionary<string, string> { ["TF_VAR_name"] = "from-env" };
        Assert.Equal("from-env", NameAfter(directory, new TerraformScanOptions { Environment = environment }));

        directory.Write("terraform.tfvars", "name = \"from-tfvars\"\n");
        Assert.Equal("from-tfvars", NameAfter(directory, new TerraformScanOptions { Environment = environment }));

        directory.Write("terraform.tfvars.json", """{"name": "from-tfvars-json"}""");
        Assert.Equal("from-tfvars-json", NameAfter(directory));

        directory.Write("b.auto.tfvars", "name = \"from-b-auto\"\n");
        directory.Write("a.auto.tfvars.json", """{"name": "from-a-auto"}""");
        Assert.Equal("from-b-auto", NameAfter(directory));

        var file = directory.Write("extra/prod.tfvars", "name = \"from-var-file\"\n");
        Assert.Equal("from-var-file", NameAfter(directory, new TerraformScanOptions { Variables = [CommandLineVariable.File(file)] }));

        // Then -var and -var-file count in the order typed
        Assert.Equal("from-var-file", NameAfter(directory, new TerraformScanOptions { Variables = [CommandLineVariable.Assignment("name=from-var"), CommandLineVariable.File(file)] }));
        Assert.Equal("from-var", NameAfter(directory, new TerraformScanOptions { Variables = [CommandLineVariable.File(file), CommandLineVariable.Assignment("name=from-var")] }));
    }

    [Fact]
    public void Values_are_converted_to_the_declared_type_and_raw_text_is_parsed_for_complex_types()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            variable "encrypted" {
              type = bool
            }

            variable "names" {
              type = set(string)
            }

            variable "settings" {
              type = object({
                prefix = string
                suffix = optional(string, "db")
              })
            }

            resource "aws_neptune_cluster" "graph" {
              for_each           = var.names
              cluster_identifier = "${var.settings.prefix}-${each.key}-${var.settings.suffix}"
              storage_encrypted  = var.encrypted
            }
            """);
        var options = new TerraformScanOptions
        {
            Variables = [CommandLineVariable.Assignment("encrypted=true"), CommandLineVariable.Assignment("names=[\"b\", \"a\"]")],
            Environment = new Dictionary<string, string> { ["TF_VAR_settings"] = "{ prefix = \"kagi\" }" },
        };

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers, options).Scan([directory.Path]);

        Assert.Empty(inventory.Diagnostics);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToList();
        Assert.Equal(["aws_neptune_cluster.graph[\"a\"]", "aws_neptune_cluster.graph[\"b\"]"], clusters.Select(c => c.Id));
        Assert.Equal(["kagi-a-db", "kagi-b-db"], clusters.Select(c => c.Name.Value));
        Assert.All(clusters, c => Assert.True(c.StorageEncrypted.Value));
    }

    [Fact]
    public void A_value_that_does_not_fit_its_type_is_reported_without_the_value()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            variable "encrypted" {
              type      = bool
              sensitive = true
            }

            resource "aws_neptune_cluster" "graph" {
              storage_encrypted = var.encrypted
            }
            """);
        directory.Write("terraform.tfvars", "encrypted = \"s3cr3t-value\"\n");

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        var error = Assert.Single(inventory.Diagnostics);
        Assert.Equal(1, error.Location?.Line);
        Assert.Contains("var.encrypted", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
        Assert.False(Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).StorageEncrypted.IsKnown);
    }

    [Fact]
    public void A_broken_tfvars_file_is_reported_at_its_line_and_the_defaults_still_apply()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", Cluster);
        var tfvars = directory.Write("terraform.tfvars", "\nname = \n");

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        var error = Assert.Single(inventory.Diagnostics);
        Assert.Equal(tfvars, error.Location?.File);
        Assert.True(error.Location?.Line >= 2);
        Assert.Equal("from-default", Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).Name.Value);
    }

    [Fact]
    public void A_var_for_an_undeclared_variable_is_an_error_and_an_unknown_tfvars_entry_a_warning()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", Cluster);
        directory.Write("terraform.tfvars", "nmae = \"typo\"\n");

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers, new TerraformScanOptions { Variables = [CommandLineVariable.Assignment("other=1")] }).Scan([directory.Path]);

        Assert.Equal([DiagnosticSeverity.Warning, DiagnosticSeverity.Error], inventory.Diagnostics.Select(d => d.Severity));
    }

    [Fact]
    public void A_root_variable_with_no_value_is_a_warning_at_its_declaration_and_stays_unknown()
    {
        using var directory = new TempDirectory();
        var main = directory.Write("main.tf", """
            variable "encrypted" {
              type = bool
            }

            resource "aws_neptune_cluster" "graph" {
              storage_encrypted = var.encrypted
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        var warning = Assert.Single(inventory.Diagnostics);
        Assert.Equal(new SourceLocation(main, 1, 1), warning.Location);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.False(Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).StorageEncrypted.IsKnown);
    }

    [Fact]
    public void A_var_that_does_not_parse_for_its_complex_type_is_reported_without_its_text()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            variable "names" {
              type      = list(string)
              sensitive = true
            }

            resource "aws_neptune_cluster" "graph" {
              count = length(var.names)
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers, new TerraformScanOptions { Variables = [CommandLineVariable.Assignment("names=[\"s3cr3t\" s3cr3t2")] }).Scan([directory.Path]);

        var error = Assert.Single(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("--var names", error.Location?.File);
        Assert.DoesNotContain(inventory.Diagnostics, d => d.ToString().Contains("s3cr3t", StringComparison.Ordinal));
        Assert.Equal("aws_neptune_cluster.graph", Assert.Single(inventory.Resources).Id);
    }
}
