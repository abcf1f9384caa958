using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;
using Kagi.Testing;

namespace Kagi.Terraform.Tests;

/// <summary>A plan in its root module's folder points each resource at its declaration, and the declaration's suppressions apply.</summary>
public sealed class PlanSourceTests
{
    private static readonly string ModulePlan = RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Plans", "neptune-module.plan.json");

    private const string RootModule = """
        module "graph" {
          source = "./modules/neptune"
          name   = "graph-prod"
        }

        resource "aws_neptune_cluster" "reporting" {
          cluster_identifier = "reporting"
        }
        """;

    private const string ChildModule = """
        variable "name" {}
        variable "custom_key_store_id" { default = null }

        resource "aws_kms_key" "this" {
          description         = "Neptune key in CloudHSM"
          custom_key_store_id = var.custom_key_store_id
        }

        resource "aws_neptune_cluster" "this" {
          count              = 1
          cluster_identifier = var.name
          storage_encrypted  = true
          kms_key_arn        = aws_kms_key.this.arn
        }

        resource "aws_neptune_cluster" "legacy" {
          # kagi:ignore neptune-cluster-cmk-encryption retired in Q1, data already exported
          cluster_identifier = "legacy"
        }
        """;

    [Fact]
    public void Resources_of_a_plan_beside_its_configuration_are_located_at_their_declarations()
    {
        using var directory = new TempDirectory();
        directory.Write("main.tf", RootModule);
        directory.Write("modules/neptune/main.tf", ChildModule);
        var plan = directory.Write("plan.json", File.ReadAllText(ModulePlan));

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([plan]);

        var counted = inventory.Resources.Single(resource => resource.Id == "module.graph.aws_neptune_cluster.this[0]");
        Assert.Equal(Path.Combine(directory.Path, "modules/neptune", "main.tf"), counted.Location!.File);
        Assert.Equal(9, counted.Location.Line);
        var reporting = inventory.Resources.Single(resource => resource.Id == "aws_neptune_cluster.reporting");
        Assert.Equal((Path.Combine(directory.Path, "main.tf"), 6), (reporting.Location!.File, reporting.Location.Line));
        var legacy = inventory.Resources.Single(resource => resource.Id == "module.graph.aws_neptune_cluster.legacy");
        var suppression = Assert.Single(legacy.Suppressions);
        Assert.Equal(("neptune-cluster-cmk-encryption", "retired in Q1, data already exported"), (suppression.RuleId, suppression.Reason));
        Assert.Empty(inventory.Diagnostics);
    }

    [Fact]
    public void A_plan_alone_keeps_its_own_locations_and_a_broken_configuration_beside_it_changes_nothing()
    {
        using var alone = new TempDirectory();
        var planAlone = alone.Write("plan.json", File.ReadAllText(ModulePlan));
        using var broken = new TempDirectory();
        broken.Write("main.tf", "resource \"aws_neptune_cluster\" {");
        var planBesideBroken = broken.Write("plan.json", File.ReadAllText(ModulePlan));

        foreach (var plan in new[] { planAlone, planBesideBroken })
        {
            var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([plan]);

            Assert.NotEmpty(inventory.Resources.OfType<NeptuneCluster>());
            Assert.All(inventory.Resources, resource => Assert.Equal(plan, resource.Location!.File));
            Assert.Empty(inventory.Diagnostics);
        }
    }
}
