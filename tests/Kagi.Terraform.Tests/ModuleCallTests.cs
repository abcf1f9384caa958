using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

public sealed class ModuleCallTests
{
    private const string ClusterModule = """
        variable "name" {
          type = string
        }

        variable "kms_key_arn" {
          type    = string
          default = null
        }

        resource "aws_neptune_cluster" "this" {
          cluster_identifier = var.name
          storage_encrypted  = true
          kms_key_arn        = var.kms_key_arn
        }

        output "id" {
          value = aws_neptune_cluster.this.cluster_identifier
        }
        """;

    [Fact]
    public void A_resource_in_a_local_module_gets_the_module_address_the_root_scope_and_its_own_location()
    {
        // Given a root that calls a local module, giving it a key it creates
        using var directory = new TempDirectory();
        var child = directory.Write("modules/neptune/main.tf", ClusterModule);
        directory.Write("main.tf", """
            resource "aws_kms_key" "graph" {
            }

            module "db" {
              source      = "./modules/neptune"
              name        = "graph"
              kms_key_arn = aws_kms_key.graph.arn
            }
            """);

        // When the root is scanned
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        // Then the cluster is there once, under its module address, joined to the root's key
        Assert.Empty(inventory.Diagnostics);
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal("module.db.aws_neptune_cluster.this", cluster.Id);
        Assert.Equal("graph", cluster.Name.Value);
        Assert.Equal(directory.Path, cluster.Scope);
        Assert.Equal(new SourceLocation(child, 10), cluster.Location);
        Assert.Equal("aws_kms_key.graph", Assert.IsType<KeyReference.Described>(cluster.Key).Key.Id);
    }

    [Theory]
    [InlineData("nullable = false", true)]
    [InlineData("", false)]
    public void A_null_passed_to_a_non_nullable_variable_takes_its_default_as_terraform_does(string nullable, bool encrypted)
    {
        // Given a module whose encryption flag defaults to true, called with encrypted = null
        using var directory = new TempDirectory();
        directory.Write("modules/neptune/main.tf", $$"""
            variable "encrypted" {
              type    = bool
              default = true
              {{nullable}}
            }

            resource "aws_neptune_cluster" "this" {
              cluster_identifier = "graph"
              storage_encrypted  = var.encrypted
            }
            """);
        directory.Write("main.tf", """
            module "db" {
              source    = "./modules/neptune"
              encrypted = null
            }
            """);

        // When the root is scanned
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        // Then a non-nullable variable holds its default (encrypted); a nullable one holds null (argument not set)
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal(encrypted, cluster.StorageEncrypted.Value);
    }

    [Fact]
    public void Module_count_and_for_each_prefix_each_instance_and_outputs_flow_back_to_the_caller()
    {
        using var directory = new TempDirectory();
        directory.Write("modules/neptune/main.tf", ClusterModule);
        directory.Write("main.tf", """
            module "counted" {
              count  = 2
              source = "./modules/neptune"
              name   = "c${count.index}"
            }

            module "keyed" {
              for_each = { a = "x" }
              source   = "./modules/neptune"
              name     = each.value
            }

            resource "aws_neptune_cluster" "copy" {
              cluster_identifier = "${module.counted[1].id}-${module.keyed["a"].id}"
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        Assert.Empty(inventory.Diagnostics);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToDictionary(c => c.Id);
        Assert.Equal(
            ["aws_neptune_cluster.copy", "module.counted[0].aws_neptune_cluster.this", "module.counted[1].aws_neptune_cluster.this", "module.keyed[\"a\"].aws_neptune_cluster.this"],
            clusters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("c1-x", clusters["aws_neptune_cluster.copy"].Name.Value);
        Assert.Equal("c0", clusters["module.counted[0].aws_neptune_cluster.this"].Name.Value);
    }

    [Fact]
    public void Nested_modules_prefix_every_level_and_a_key_created_deep_down_is_joined()
    {
        using var directory = new TempDirectory();
        directory.Write("modules/key/main.tf", """
            resource "aws_kms_key" "this" {
            }

            output "arn" {
              value = aws_kms_key.this.arn
            }
            """);
        directory.Write("modules/neptune/main.tf", ClusterModule);
        directory.Write("modules/stack/main.tf", """
            module "key" {
              source = "../key"
            }

            module "cluster" {
              source      = "../neptune"
              name        = "deep"
              kms_key_arn = module.key.arn
            }
            """);
        directory.Write("main.tf", """
            module "stack" {
              source = "./modules/stack"
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        Assert.Empty(inventory.Diagnostics);
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal("module.stack.module.cluster.aws_neptune_cluster.this", cluster.Id);
        Assert.Equal("module.stack.module.key.aws_kms_key.this", Assert.IsType<KeyReference.Described>(cluster.Key).Key.Id);
        Assert.Equal(KeyLevel.Customer, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_module_installed_by_terraform_init_is_read_from_modules_json()
    {
        using var directory = new TempDirectory();
        directory.Write(".terraform/modules/db/main.tf", ClusterModule);
        directory.Write(".terraform/modules/modules.json", """
            {"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"db","Source":"registry.terraform.io/acme/neptune/aws","Version":"1.0.0","Dir":".terraform/modules/db"}]}
            """);
        directory.Write("main.tf", """
            module "db" {
              source  = "acme/neptune/aws"
              version = "1.0.0"
              name    = "registry"
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        Assert.Empty(inventory.Diagnostics);
        Assert.Equal("module.db.aws_neptune_cluster.this", Assert.Single(inventory.Resources).Id);
    }

    [Fact]
    public void A_module_whose_source_is_not_on_disk_is_reported_once_with_its_address_and_its_outputs_are_unknown()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            module "db" {
              count  = 2
              source = "acme/neptune/aws"
            }

            resource "aws_neptune_cluster" "graph" {
              storage_encrypted = true
              kms_key_arn       = module.db[0].key_arn
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        var warning = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(1, warning.Location?.Line);
        Assert.Contains("module.db: its source \"acme/neptune/aws\" is not on disk", warning.Message, StringComparison.Ordinal);
        Assert.False(Assert.Single(inventory.Resources.OfType<NeptuneCluster>()).KeyLevel.IsKnown);
    }

    [Fact]
    public void A_missing_required_input_and_an_undeclared_argument_are_errors_at_the_call()
    {
        using var directory = new TempDirectory();
        directory.Write("modules/neptune/main.tf", ClusterModule);
        directory.Write("main.tf", """
            module "db" {
              source = "./modules/neptune"
              nmae   = "typo"
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        Assert.Equal(
            ["module \"db\" declares no variable \"nmae\"", "module \"db\" needs a value for its variable \"name\", which has no default"],
            inventory.Diagnostics.Select(d => d.Message).Order(StringComparer.Ordinal));
        Assert.Equal("module.db.aws_neptune_cluster.this", Assert.Single(inventory.Resources).Id);
    }

    [Fact]
    public void A_module_that_calls_itself_is_reported_and_does_not_hang()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", """
            module "again" {
              source = "./"
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        var error = Assert.Single(inventory.Diagnostics);
        Assert.Contains("Terraform would recurse forever", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Location?.Line);
    }

    [Fact]
    public void A_chain_of_a_hundred_nested_modules_passes_its_inputs_all_the_way_down()
    {
        // Given modules level-1 ... level-100, each calling the next with a name grown by one letter
        using var directory = new TempDirectory();
        for (var level = 1; level <= 100; level++)
        {
            var next = level < 100 ? $"module \"next\" {{\n  source = \"../level-{level + 1}\"\n  name   = \"${{var.name}}x\"\n}}\n" : string.Empty;
            directory.Write($"modules/level-{level}/main.tf", $"variable \"name\" {{\n}}\n\nresource \"aws_neptune_cluster\" \"this\" {{\n  cluster_identifier = var.name\n}}\n\n{next}");
        }

        directory.Write("main.tf", "module \"next\" {\n  source = \"./modules/level-1\"\n  name   = \"x\"\n}\n");

        // When the root is scanned
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        // Then the deepest cluster has a hundred module steps in its address and a hundred letters in its name
        Assert.Empty(inventory.Diagnostics);
        Assert.Equal(100, inventory.Resources.Count);
        var deepest = inventory.Resources.Single(r => r.Name.Value!.Length == 100);
        Assert.Equal(string.Concat(Enumerable.Repeat("module.next.", 100)) + "aws_neptune_cluster.this", deepest.Id);
    }

    [Fact]
    public void A_module_count_known_only_after_apply_scans_one_instance_under_the_plain_module_address()
    {
        using var directory = new TempDirectory();
        directory.Write("modules/neptune/main.tf", ClusterModule);
        directory.Write("main.tf", """
            resource "aws_kms_key" "k" {
            }

            module "db" {
              count       = length(aws_kms_key.k.arn) > 0 ? 1 : 0
              source      = "./modules/neptune"
              name        = "graph"
              kms_key_arn = aws_kms_key.k.arn
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        var warning = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.StartsWith("module.db: count is not known when Kagi scans (the condition is known only after apply: aws_kms_key.k.arn is known only after apply)", warning.Message, StringComparison.Ordinal);
        var cluster = Assert.Single(inventory.Resources.OfType<NeptuneCluster>());
        Assert.Equal("module.db.aws_neptune_cluster.this", cluster.Id);
        Assert.Equal(KeyLevel.Customer, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_for_each_module_read_whole_is_a_map_of_its_instances_outputs()
    {
        using var directory = new TempDirectory();
        directory.Write("modules/neptune/main.tf", ClusterModule);
        directory.Write("main.tf", """
            module "db" {
              for_each = toset(["a", "b"])
              source   = "./modules/neptune"
              name     = "graph-${each.key}"
            }

            resource "aws_neptune_cluster" "summary" {
              cluster_identifier = join("+", [for key, db in module.db : "${key}=${db.id}"])
            }
            """);

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory.Path]);

        Assert.Empty(inventory.Diagnostics);
        Assert.Equal("a=graph-a+b=graph-b", inventory.Resources.Single(r => r.Id == "aws_neptune_cluster.summary").Name.Value);
    }
}
