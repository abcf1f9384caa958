using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;

namespace Kagi.Terraform.Tests;

/// <summary>Each resource is in the region of the provider configuration it really uses, through aliases and module calls.</summary>
public sealed class ProviderRegionTests
{
    private const string Cluster = """
        resource "aws_neptune_cluster" "here" {
          storage_encrypted = true
        }

        resource "aws_neptune_cluster" "aliased" {
          provider          = aws.replica
          storage_encrypted = true
        }

        module "deeper" {
          source = "../grandchild"
        }
        """;

    private const string Grandchild = """
        resource "aws_neptune_cluster" "deepest" {
          storage_encrypted = true
        }
        """;

    private const string EuropeanProviders = """
        provider "aws" { region = "eu-west-1" }
        provider "aws" {
          alias  = "replica"
          region = "eu-central-1"
        }

        """;

    // The modules sit beside the root module, outside the scanned folder.
    private static TerraformScanner Scanner(TempDirectory directory) => new(KindCatalog.TerraformMappers, new TerraformScanOptions { AllowOutside = [directory.Path] });

    private static Dictionary<string, string?> Regions(string root)
    {
        using var directory = new TempDirectory();
        directory.Write("root/main.tf", root);
        directory.Write("child/main.tf", Cluster);
        directory.Write("grandchild/main.tf", Grandchild);
        var inventory = Scanner(directory).Scan([Path.Combine(directory.Path, "root")]);
        Assert.DoesNotContain(inventory.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return inventory.Resources.OfType<NeptuneCluster>().ToDictionary(cluster => cluster.Id, cluster => cluster.Region);
    }

    [Fact]
    public void A_resource_on_an_aliased_provider_is_in_that_providers_region()
    {
        var regions = Regions("""
            variable "dr_region" { default = "us-west-2" }
            provider "aws" { region = "us-west-1" }
            provider "aws" {
              alias  = "dr"
              region = var.dr_region
            }
            resource "aws_neptune_cluster" "primary" { storage_encrypted = true }
            resource "aws_neptune_cluster" "standby" {
              provider          = aws.dr
              storage_encrypted = true
            }
            """);

        Assert.Equal("us-west-1", regions["aws_neptune_cluster.primary"]);
        Assert.Equal("us-west-2", regions["aws_neptune_cluster.standby"]);
    }

    [Fact]
    public void A_module_given_providers_uses_them_and_passes_its_default_down()
    {
        var regions = Regions("""
            provider "aws" { region = "ap-northeast-1" }
            provider "aws" {
              alias  = "osaka"
              region = "ap-northeast-3"
            }
            provider "aws" {
              alias  = "virginia"
              region = "us-east-1"
            }
            module "dr" {
              source = "../child"
              providers = {
                aws         = aws.osaka
                aws.replica = aws.virginia
              }
            }
            """);

        Assert.Equal("ap-northeast-3", regions["module.dr.aws_neptune_cluster.here"]);
        Assert.Equal("us-east-1", regions["module.dr.aws_neptune_cluster.aliased"]);
        Assert.Equal("ap-northeast-3", regions["module.dr.module.deeper.aws_neptune_cluster.deepest"]);
    }

    [Fact]
    public void A_module_without_providers_inherits_the_defaults_but_no_alias()
    {
        var regions = Regions(EuropeanProviders + """
            module "app" {
              source = "../child"
            }
            """);

        Assert.Equal("eu-west-1", regions["module.app.aws_neptune_cluster.here"]);
        Assert.Null(regions["module.app.aws_neptune_cluster.aliased"]);
        Assert.Equal("eu-west-1", regions["module.app.module.deeper.aws_neptune_cluster.deepest"]);
    }

    [Fact]
    public void A_providers_map_that_leaves_out_the_default_gives_the_child_no_default()
    {
        var regions = Regions(EuropeanProviders + """
            module "app" {
              source    = "../child"
              providers = { aws.replica = aws.replica }
            }
            """);

        Assert.Null(regions["module.app.aws_neptune_cluster.here"]);
        Assert.Equal("eu-central-1", regions["module.app.aws_neptune_cluster.aliased"]);
    }

    [Fact]
    public void Json_syntax_names_providers_with_strings()
    {
        using var directory = new TempDirectory();
        directory.Write("root/main.tf.json", """
            {
              "provider": { "aws": [ { "region": "sa-east-1" }, { "alias": "replica", "region": "us-east-2" } ] },
              "module": { "app": { "source": "../child", "providers": { "aws": "aws.replica", "aws.replica": "aws" } } }
            }
            """);
        directory.Write("child/main.tf", Cluster);
        directory.Write("grandchild/main.tf", Grandchild);

        var regions = Scanner(directory).Scan([Path.Combine(directory.Path, "root")]).Resources.OfType<NeptuneCluster>().ToDictionary(cluster => cluster.Id, cluster => cluster.Region);

        Assert.Equal("us-east-2", regions["module.app.aws_neptune_cluster.here"]);
        Assert.Equal("sa-east-1", regions["module.app.aws_neptune_cluster.aliased"]);
    }
}
