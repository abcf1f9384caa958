using System.Text.Json.Nodes;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;
using Kagi.Testing;

namespace Kagi.Terraform.Tests;

public sealed class PlanReaderTests
{
    private static readonly string RootPlan = Path.Combine(RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Plans"), "neptune-root.plan.json");
    private static readonly string ModulePlan = Path.Combine(RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Plans"), "neptune-module.plan.json");
    private static readonly string TruncatedPlan = Path.Combine(RepoPaths.Combine("tests", "Kagi.Terraform.Tests", "Plans"), "truncated.plan.json");

    private static NeptuneCluster Cluster(Inventory inventory, string address) =>
        inventory.Resources.OfType<NeptuneCluster>().Single(c => c.Id == address);

    [Fact]
    public void A_cluster_whose_unknown_key_arn_refers_to_a_planned_key_is_joined_to_it()
    {
        // Given a plan that creates the seed article's key and a cluster that uses it
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([RootPlan]);

        // When the cluster is read
        var cluster = Cluster(inventory, "aws_neptune_cluster.pass_cmk");

        // Then its key is the planned customer-managed key
        var key = Assert.IsType<KeyReference.Described>(cluster.Key).Key;
        Assert.Equal("aws_kms_key.neptune_cmk", key.Id);
        Assert.Equal(KeyLevel.Customer, cluster.KeyLevel.Value);
        Assert.False(cluster.KmsKeyId.IsKnown);
    }

    [Fact]
    public void A_cluster_that_leaves_out_kms_key_arn_uses_the_service_default_even_though_the_plan_shows_it_unknown()
    {
        var cluster = Cluster(new TerraformScanner(KindCatalog.TerraformMappers).Scan([RootPlan]), "aws_neptune_cluster.fail_service_default");

        Assert.IsType<KeyReference.ServiceDefault>(cluster.Key);
        Assert.Equal(KeyLevel.AwsManaged, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_cluster_planned_without_encryption_is_not_encrypted()
    {
        var cluster = Cluster(new TerraformScanner(KindCatalog.TerraformMappers).Scan([RootPlan]), "aws_neptune_cluster.fail_unencrypted");

        Assert.Equal(KeyLevel.None, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_known_key_arn_read_from_the_aws_managed_alias_is_classified_by_the_alias_the_configuration_names()
    {
        var cluster = Cluster(new TerraformScanner(KindCatalog.TerraformMappers).Scan([RootPlan]), "aws_neptune_cluster.fail_rds_alias");

        Assert.Equal(new KeyReference.Alias("alias/aws/rds"), cluster.Key);
        Assert.Equal(KeyLevel.AwsManaged, cluster.KeyLevel.Value);
        Assert.StartsWith("arn:aws:kms:", cluster.KmsKeyId.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_literal_key_arn_is_a_key_identifier()
    {
        var cluster = Cluster(new TerraformScanner(KindCatalog.TerraformMappers).Scan([RootPlan]), "aws_neptune_cluster.unknown_key_arn");

        Assert.IsType<KeyReference.KeyIdentifier>(cluster.Key);
        Assert.False(cluster.KeyLevel.IsKnown);
    }

    [Fact]
    public void Plan_resources_carry_the_plan_file_the_line_of_their_object_and_the_provider_region()
    {
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([RootPlan]);

        var cluster = Cluster(inventory, "aws_neptune_cluster.pass_cmk");

        Assert.Equal(new SourceLocation(RootPlan, 34), cluster.Location);
        Assert.Equal("ap-northeast-1", cluster.Region);
        Assert.Equal("pass-cmk", cluster.Name.Value);
        Assert.Equal(new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", "pass_cmk"), cluster.Declaration);
        Assert.Empty(inventory.Diagnostics);
        Assert.Equal(6, inventory.Resources.Count);
    }

    [Fact]
    public void A_module_cluster_with_count_keeps_its_full_address_and_joins_to_the_modules_hsm_key()
    {
        // Given a compact plan of a child module whose key is in a custom key store
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([ModulePlan]);

        // When the cluster is read / Then its address is Terraform's and its key is HSM-level
        var cluster = Cluster(inventory, "module.graph.aws_neptune_cluster.this[0]");
        Assert.Equal("module.graph.aws_kms_key.this", Assert.IsType<KeyReference.Described>(cluster.Key).Key.Id);
        Assert.Equal(KeyLevel.Hsm, cluster.KeyLevel.Value);
        Assert.Equal("graph-prod", cluster.Name.Value);
        Assert.Equal("eu-west-1", cluster.Region);
        Assert.Equal(1, cluster.Location?.Line);
    }

    [Fact]
    public void A_key_arn_that_a_data_source_read_while_planning_is_classified_by_what_it_looked_up()
    {
        // Given a module cluster whose key ARN came from data.aws_kms_key looking up a variable's alias
        var cluster = Cluster(new TerraformScanner(KindCatalog.TerraformMappers).Scan([ModulePlan]), "module.graph.aws_neptune_cluster.legacy");

        // Then the prior state's lookup says it is the AWS-managed key
        Assert.Equal(new KeyReference.Alias("alias/aws/rds"), cluster.Key);
        Assert.Equal(KeyLevel.AwsManaged, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_key_arn_from_a_module_output_is_followed_into_the_module_to_its_key()
    {
        // Given a root cluster whose kms_key_arn is module.graph.key_arn, an output of the module's HSM key's ARN
        var cluster = Cluster(new TerraformScanner(KindCatalog.TerraformMappers).Scan([ModulePlan]), "aws_neptune_cluster.reporting");

        // Then the cluster is joined to that key
        Assert.Equal("module.graph.aws_kms_key.this", Assert.IsType<KeyReference.Described>(cluster.Key).Key.Id);
        Assert.Equal(KeyLevel.Hsm, cluster.KeyLevel.Value);
    }

    [Fact]
    public void A_truncated_plan_is_one_diagnostic_with_its_position_and_nothing_else()
    {
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([TruncatedPlan]);

        Assert.Empty(inventory.Resources);
        var diagnostic = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("plan JSON is invalid: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(TruncatedPlan, diagnostic.Location?.File);
        Assert.True(diagnostic.Location?.Line > 1);
    }

    [Fact]
    public void A_truncated_plan_does_not_stop_the_other_paths()
    {
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([TruncatedPlan, ModulePlan]);

        Assert.Single(inventory.Diagnostics);
        Assert.Equal(4, inventory.Resources.Count);
    }

    [Fact]
    public void A_json_file_that_is_not_a_plan_is_reported()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("settings.json", """{"name": "not a plan"}""");

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([path]);

        Assert.Contains("neither a Terraform plan", Assert.Single(inventory.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_resource_is_in_the_region_of_the_provider_configuration_terraform_resolved_for_it()
    {
        // Given the root plan with a second, aliased configuration that one cluster uses
        var plan = JsonNode.Parse(File.ReadAllText(RootPlan))!;
        plan["configuration"]!["provider_config"]!["aws.dr"] = JsonNode.Parse("""{"name": "aws", "alias": "dr", "expressions": {"region": {"constant_value": "us-west-2"}}}""");
        var resources = plan["configuration"]!["root_module"]!["resources"]!.AsArray();
        resources.Single(resource => (string?)resource!["address"] == "aws_neptune_cluster.fail_unencrypted")!["provider_config_key"] = "aws.dr";
        using var directory = new TempDirectory();
        var path = directory.Write("plan.json", plan.ToJsonString());

        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([path]);

        Assert.Equal("us-west-2", Cluster(inventory, "aws_neptune_cluster.fail_unencrypted").Region);
        Assert.Equal("ap-northeast-1", Cluster(inventory, "aws_neptune_cluster.pass_cmk").Region);
    }

    [Theory]
    [InlineData("1e308")]
    [InlineData("-1e400")]
    [InlineData("123456789012345678901234567890123456789012345678901234567890")]
    public void A_number_out_of_range_makes_that_attribute_unknown_and_keeps_the_rest_of_the_plan(string number)
    {
        // Given the root plan with one cluster's backup retention period out of any decimal's range
        var plan = JsonNode.Parse(File.ReadAllText(RootPlan))!;
        var resources = plan["planned_values"]!["root_module"]!["resources"]!.AsArray();
        resources.Single(resource => (string?)resource!["address"] == "aws_neptune_cluster.pass_cmk")!["values"]!["backup_retention_period"] = JsonNode.Parse(number);
        using var directory = new TempDirectory();
        var path = directory.Write("plan.json", plan.ToJsonString());

        // When it is scanned
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([path]);

        // Then every resource is read as without the tampering, that attribute is unknown with the reason, and nothing failed
        Assert.Equal(
            new TerraformScanner(KindCatalog.TerraformMappers).Scan([RootPlan]).Resources.Select(resource => resource.Id).Order(StringComparer.Ordinal),
            inventory.Resources.Select(resource => resource.Id).Order(StringComparer.Ordinal));
        var retention = Cluster(inventory, "aws_neptune_cluster.pass_cmk").BackupRetentionPeriod;
        Assert.False(retention.IsKnown);
        Assert.Contains("out of the range", retention.Reason, StringComparison.Ordinal);
        Assert.Equal(KeyLevel.Customer, Cluster(inventory, "aws_neptune_cluster.pass_cmk").KeyLevel.Value);
        Assert.Empty(inventory.Diagnostics);
    }

    [Fact]
    public void A_planned_resource_without_a_type_is_an_error_naming_its_json_path()
    {
        // Given the root plan with the second planned resource's type removed
        var plan = JsonNode.Parse(File.ReadAllText(RootPlan))!;
        plan["planned_values"]!["root_module"]!["resources"]![1]!.AsObject().Remove("type");
        using var directory = new TempDirectory();
        var path = directory.Write("plan.json", plan.ToJsonString());

        // When it is scanned
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([path]);

        // Then one error names where the resource is, and the other resources are still read
        var diagnostic = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.StartsWith("$.planned_values.root_module.resources[1]: ", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(inventory.Resources, resource => resource.Id == "aws_neptune_cluster.fail_unencrypted");
    }

    [Theory]
    [InlineData("planned_values", "[]", "$.planned_values: expected object, found array")]
    [InlineData("resource_changes", "{}", "$.resource_changes: expected array, found object")]
    public void A_plan_section_of_the_wrong_kind_is_an_error_naming_its_json_path(string section, string replacement, string expected)
    {
        // Given the root plan with one section replaced by JSON of another kind
        var plan = JsonNode.Parse(File.ReadAllText(RootPlan))!;
        plan[section] = JsonNode.Parse(replacement);
        using var directory = new TempDirectory();
        var path = directory.Write("plan.json", plan.ToJsonString());

        // When it is scanned
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([path]);

        // Then the plan is refused with the path of the section, not read as a plan without resources
        var diagnostic = Assert.Single(inventory.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
    }
}
