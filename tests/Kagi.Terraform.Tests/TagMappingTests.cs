using System.Text.Json.Nodes;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;
using Kagi.Terraform.Tests.Support;
using Kagi.Testing;

namespace Kagi.Terraform.Tests;

/// <summary>
/// A resource's tags as Terraform's <c>tags_all</c> would hold them: the <c>default_tags</c> of the provider
/// configuration it really uses (aliases and module provider maps followed), with its own <c>tags</c> over them.
/// </summary>
public sealed class TagMappingTests
{
    private static readonly string RootPlan = Path.Combine(RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Plans"), "neptune-root.plan.json");

    private static Dictionary<string, Fact<IReadOnlyDictionary<string, string>>> Tags(params (string Path, string Text)[] files)
    {
        using var directory = new TempDirectory();
        foreach (var (path, text) in files)
        {
            directory.Write(path, text);
        }

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers, new TerraformScanOptions { AllowOutside = [directory.Path] })
            .Scan([Path.Combine(directory.Path, "root")]);
        Assert.DoesNotContain(inventory.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        return inventory.Resources.Where(resource => resource is not NeptuneClusterSnapshot).ToDictionary(resource => resource.Id, resource => resource.Tags);
    }

    private static void AssertTags(Fact<IReadOnlyDictionary<string, string>> tags, params (string Key, string Value)[] expected)
    {
        Assert.True(tags.IsKnown, tags.Reason);
        Assert.Equal(expected.OrderBy(tag => tag.Key, StringComparer.Ordinal), tags.Value.Select(tag => (tag.Key, tag.Value)).OrderBy(tag => tag.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_resource_takes_the_default_tags_of_its_provider_under_its_own_which_win_on_conflict()
    {
        var tags = Tags(("root/main.tf", """
            provider "aws" {
              region = "eu-west-1"
              default_tags {
                tags = { owner = "platform", env = "prod" }
              }
            }
            resource "aws_neptune_cluster" "tagged" {
              storage_encrypted = true
              tags              = { owner = "team-a", app = "graph" }
            }
            resource "aws_kms_key" "plain" {}
            """));

        AssertTags(tags["aws_neptune_cluster.tagged"], ("app", "graph"), ("env", "prod"), ("owner", "team-a"));
        AssertTags(tags["aws_kms_key.plain"], ("env", "prod"), ("owner", "platform"));
    }

    [Fact]
    public void A_resource_without_tags_on_a_provider_without_default_tags_has_none()
    {
        var tags = Tags(("root/main.tf", """
            provider "aws" { region = "eu-west-1" }
            resource "aws_neptune_cluster" "bare" { storage_encrypted = true }
            """));

        AssertTags(tags["aws_neptune_cluster.bare"]);
    }

    [Fact]
    public void A_resource_on_an_aliased_provider_takes_that_providers_default_tags()
    {
        var tags = Tags(("root/main.tf", """
            provider "aws" {
              region = "eu-west-1"
              default_tags { tags = { owner = "default" } }
            }
            provider "aws" {
              alias  = "dr"
              region = "us-west-2"
              default_tags { tags = { owner = "dr-team", site = "dr" } }
            }
            resource "aws_neptune_cluster" "standby" {
              provider          = aws.dr
              storage_encrypted = true
            }
            """));

        AssertTags(tags["aws_neptune_cluster.standby"], ("owner", "dr-team"), ("site", "dr"));
    }

    [Fact]
    public void A_module_given_an_aliased_provider_through_its_providers_map_takes_its_default_tags_read_in_the_callers_module()
    {
        var tags = Tags(
            ("root/main.tf", """
                variable "owner" { default = "default" }
                provider "aws" {
                  region = "eu-west-1"
                  default_tags { tags = { owner = var.owner } }
                }
                provider "aws" {
                  alias  = "shared"
                  region = "eu-central-1"
                  default_tags { tags = { owner = "shared-services" } }
                }
                module "graph" {
                  source    = "../child"
                  providers = { aws = aws.shared }
                }
                module "inherits" {
                  source = "../child"
                }
                """),
            ("child/main.tf", """
                resource "aws_neptune_cluster" "this" {
                  storage_encrypted = true
                  tags              = { app = "graph" }
                }
                """));

        AssertTags(tags["module.graph.aws_neptune_cluster.this"], ("app", "graph"), ("owner", "shared-services"));
        AssertTags(tags["module.inherits.aws_neptune_cluster.this"], ("app", "graph"), ("owner", "default"));
    }

    [Fact]
    public void Default_tags_in_json_syntax_are_read_as_in_native_syntax()
    {
        var tags = Tags(("root/main.tf.json", """
            {
              "provider": { "aws": { "region": "eu-west-1", "default_tags": { "tags": { "owner": "platform" } } } },
              "resource": { "aws_neptune_cluster": { "tagged": { "storage_encrypted": true, "tags": { "app": "graph", "owner": "team-a" } } } }
            }
            """));

        AssertTags(tags["aws_neptune_cluster.tagged"], ("app", "graph"), ("owner", "team-a"));
    }

    [Fact]
    public void A_tag_known_only_after_apply_leaves_the_tags_unknown_with_the_reason()
    {
        var tags = Tags(("root/main.tf", """
            provider "aws" {
              region = "eu-west-1"
              default_tags { tags = { owner = "platform" } }
            }
            resource "aws_kms_key" "k" {}
            resource "aws_neptune_cluster" "from_key" {
              storage_encrypted = true
              tags              = { key = aws_kms_key.k.arn }
            }
            """));

        var unknown = tags["aws_neptune_cluster.from_key"];
        Assert.False(unknown.IsKnown);
        Assert.StartsWith("the tags are known only after apply", unknown.Reason, StringComparison.Ordinal);
        Assert.Contains("aws_kms_key.k.arn", unknown.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_tags_known_only_after_apply_leave_the_tags_unknown()
    {
        var tags = Tags(("root/main.tf", """
            resource "aws_kms_key" "k" {}
            provider "aws" {
              region = "eu-west-1"
              default_tags { tags = { key = aws_kms_key.k.key_id } }
            }
            resource "aws_neptune_cluster" "c" { storage_encrypted = true }
            """));

        Assert.False(tags["aws_neptune_cluster.c"].IsKnown);
    }

    [Fact]
    public void A_plan_gives_the_tags_all_the_provider_planned()
    {
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([RootPlan]);

        AssertTags(inventory.Resources.Single(resource => resource.Id == "aws_kms_key.neptune_cmk").Tags, ("Name", "Neptune_CMK"));
    }

    [Fact]
    public void A_plan_whose_tags_all_has_an_entry_known_only_after_apply_leaves_the_tags_unknown()
    {
        var plan = JsonNode.Parse(File.ReadAllText(RootPlan))!;
        var change = plan["resource_changes"]!.AsArray().Single(resource => (string?)resource!["address"] == "aws_kms_key.neptune_cmk")!["change"]!;
        change["after_unknown"]!["tags_all"] = JsonNode.Parse("""{"owner": true}""");
        using var directory = new TempDirectory();
        var path = directory.Write("plan.json", plan.ToJsonString());

        var key = new TerraformScanner(KindCatalog.TerraformMappers).Scan([path]).Resources.Single(resource => resource.Id == "aws_kms_key.neptune_cmk");

        Assert.False(key.Tags.IsKnown);
        Assert.Contains("aws_kms_key.neptune_cmk.tags_all", key.Tags.Reason, StringComparison.Ordinal);
    }
}
