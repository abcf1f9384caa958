using Kagi.CloudFormation;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Terraform;
using Kagi.Testing;

namespace Kagi.Rules.Tests;

/// <summary>
/// Every rule's fixtures name the resources it judges pass_*, fail_* or unknown_*, and those it must leave alone
/// (outside its subject, such as an HSM key for the rotation rule) none_*; the rule must give exactly that status to
/// exactly those resources. CloudFormation fixtures (<c>template.yaml</c>, <c>template.json</c>) say the same with the
/// logical IDs CloudFormation allows: Pass*, Fail*, Unknown*, None*.
/// </summary>
public sealed class RuleFixtureTests
{
    // Failures no Terraform configuration can express; their failing cases are live scenarios in Kagi.Aws.Tests.
    private static readonly Dictionary<string, string> FailsOnlyLive = new(StringComparer.Ordinal)
    {
        ["neptune-snapshot-not-public"] = "the AWS provider has no argument that shares a Neptune cluster snapshot",
    };

    // Rules no template can fail, and why: the CloudFormation fixtures of these have no Fail resource.
    private static readonly Dictionary<string, string> FailsNotInTemplates = new(StringComparer.Ordinal)
    {
        ["ebs-volume-storage-encrypted"] = "no CloudFormation type declares EBS encryption by default, which encrypts a volume that does not ask",
    };

    public static TheoryData<string, string> FixtureDirectories()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in RuleCatalog.All)
        {
            data.Add(entry.Metadata.Id, FixtureDirectory(entry));
        }

        return data;
    }

    public static TheoryData<string, string> TemplateFixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var entry in RuleCatalog.All.Where(entry => Directory.Exists(FixtureDirectory(entry))))
        {
            foreach (var template in TemplateFiles(FixtureDirectory(entry)))
            {
                data.Add(entry.Metadata.Id, template);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureDirectories))]
    public void Terraform_fixtures_get_the_status_their_names_promise(string ruleId, string directory)
    {
        // Given the rule's Terraform fixtures
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory]);
        Assert.DoesNotContain(inventory.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        // When only that rule runs, then each resource has the status its name promises
        AssertStatusesAsNamed(ruleId, inventory, name => name.StartsWith("none_", StringComparison.Ordinal), ExpectedStatus, FailsOnlyLive);
    }

    [Theory]
    [MemberData(nameof(TemplateFixtures))]
    public void CloudFormation_fixtures_get_the_status_their_logical_ids_promise(string ruleId, string template)
    {
        // Given one of the rule's templates
        var inventory = new CloudFormationScanner(KindCatalog.CloudFormationMappers).Scan([template]).Inventory;
        Assert.Empty(inventory.Diagnostics);

        // When only that rule runs, then each resource has the status its logical ID promises
        AssertStatusesAsNamed(ruleId, inventory, name => name.StartsWith("None", StringComparison.Ordinal), ExpectedTemplateStatus, FailsOnlyLive.Concat(FailsNotInTemplates).ToDictionary());
    }

    [Fact]
    public void Every_rule_of_a_kind_cloudformation_maps_has_yaml_and_json_templates()
    {
        // A mapper's CloudFormation type is its kind's type (KindRegistryTests).
        var mapped = KindCatalog.CloudFormationMappers.Records.Keys.ToHashSet(StringComparer.Ordinal);
        var rules = RuleCatalog.All.Where(entry => mapped.Contains(entry.Metadata.ResourceType)).ToList();
        Assert.NotEmpty(rules);
        foreach (var entry in rules)
        {
            var templates = TemplateFiles(FixtureDirectory(entry)).Select(Path.GetFileName).ToList();
            Assert.True(templates.Contains("template.yaml") && templates.Contains("template.json"), $"{entry.Metadata.Id} lacks template.yaml or template.json");
        }
    }

    private static void AssertStatusesAsNamed(string ruleId, Inventory inventory, Func<string, bool> leftAlone, Func<string, ResultStatus> expectedStatus, Dictionary<string, string> cannotFail)
    {
        var findings = RuleEngine.Run(inventory, RuleCatalog.All, new ScanOptions { Rules = new HashSet<string> { ruleId } });

        // Each resource has the status its name promises, and every fixture resource was judged
        var resourceType = RuleCatalog.Find(ruleId)!.Metadata.ResourceType;
        var expected = inventory.Resources
            .Where(resource => resource.Type == resourceType && !leftAlone(resource.Declaration!.Name))
            .ToDictionary(resource => resource.Id, resource => expectedStatus(resource.Declaration!.Name));
        var actual = findings.ToDictionary(finding => finding.Resource.Id, finding => finding.Status);
        Assert.Equal(expected.OrderBy(p => p.Key), actual.OrderBy(p => p.Key));
        Assert.Contains(ResultStatus.Pass, actual.Values);
        if (!cannotFail.ContainsKey(ruleId))
        {
            Assert.Contains(ResultStatus.Fail, actual.Values);
        }
    }

    [Fact]
    public void Every_rule_has_fixtures_with_passing_and_failing_resources()
    {
        foreach (var entry in RuleCatalog.All)
        {
            var files = Directory.GetFiles(FixtureDirectory(entry), "*.tf*", SearchOption.AllDirectories);
            var text = string.Join("\n", files.Select(File.ReadAllText));
            Assert.True(text.Contains("\"pass_", StringComparison.Ordinal), $"{entry.Metadata.Id} has no pass_ fixture");
            Assert.True(
                text.Contains("\"fail_", StringComparison.Ordinal) || FailsOnlyLive.ContainsKey(entry.Metadata.Id),
                $"{entry.Metadata.Id} has no fail_ fixture");
            Assert.Contains(files, file => file.EndsWith(".tf.json", StringComparison.Ordinal));
        }
    }

    private static string FixtureDirectory(CatalogEntry entry) =>
        Path.Combine(RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures"), entry.Metadata.Service, entry.Metadata.Id);

    private static IEnumerable<string> TemplateFiles(string directory) =>
        Directory.EnumerateFiles(directory).Where(file => file.EndsWith(".yaml", StringComparison.Ordinal) || (file.EndsWith(".json", StringComparison.Ordinal) && !file.EndsWith(".tf.json", StringComparison.Ordinal))).Order(StringComparer.Ordinal);

    private static ResultStatus ExpectedTemplateStatus(string logicalId) => logicalId switch
    {
        _ when logicalId.StartsWith("Pass", StringComparison.Ordinal) => ResultStatus.Pass,
        _ when logicalId.StartsWith("Fail", StringComparison.Ordinal) => ResultStatus.Fail,
        _ when logicalId.StartsWith("Unknown", StringComparison.Ordinal) => ResultStatus.Unknown,
        _ => throw new InvalidOperationException($"template resource '{logicalId}' must start with Pass, Fail, Unknown or None"),
    };

    private static ResultStatus ExpectedStatus(string resourceName) => resourceName switch
    {
        _ when resourceName.StartsWith("pass_", StringComparison.Ordinal) => ResultStatus.Pass,
        _ when resourceName.StartsWith("fail_", StringComparison.Ordinal) => ResultStatus.Fail,
        _ when resourceName.StartsWith("unknown_", StringComparison.Ordinal) => ResultStatus.Unknown,
        _ => throw new InvalidOperationException($"fixture resource '{resourceName}' must start with pass_, fail_ or unknown_"),
    };
}
