using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Rules.Tests;

/// <summary>The fix shown for a finding is the fix for that resource, by name, safe to paste.</summary>
public sealed class RemediationTests
{
    [Fact]
    public void Terraform_fix_names_the_failing_resource_and_a_new_key_for_it()
    {
        // Given an encrypted cluster on the AWS-managed key
        var finding = Judge(Cluster("graph", "graph-prod", new KeyReference.ServiceDefault()));

        // When its fix is rendered
        var text = FindingText.Render(finding, Language.En);

        // Then the Terraform and CLI are filled with its own identifiers
        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Contains("resource \"aws_neptune_cluster\" \"graph\"", text.FixIn(RemediationMedium.Terraform), StringComparison.Ordinal);
        Assert.Contains("kms_key_arn       = aws_kms_key.graph_cmk.arn", text.FixIn(RemediationMedium.Terraform), StringComparison.Ordinal);
        Assert.Contains("--source-db-cluster-identifier graph-prod", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("--region ap-northeast-1", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("restore-db-cluster-to-point-in-time", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.DoesNotContain("{{", text.FixIn(RemediationMedium.AwsCli) + text.FixIn(RemediationMedium.Console) + text.FixIn(RemediationMedium.Terraform), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unencrypted_cluster_is_migrated_through_a_snapshot()
    {
        var finding = Judge(Cluster("legacy", "legacy-graph", new KeyReference.ServiceDefault(), encrypted: false));

        var text = FindingText.Render(finding, Language.Ja);

        Assert.Contains("restore-db-cluster-from-snapshot", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("--db-cluster-identifier legacy-graph", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("暗号化されていない", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("none", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hostile_cluster_name_is_quoted_in_commands_and_escaped_in_terraform()
    {
        var finding = Judge(Cluster("x", "a;rm -rf ~ \"${x}\"", new KeyReference.ServiceDefault()));

        var text = FindingText.Render(finding, Language.En);

        Assert.Contains("--source-db-cluster-identifier 'a;rm -rf ~ \"${x}\"'", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("Neptune cluster a;rm -rf ~ \\\"$${x}\\\"", text.FixIn(RemediationMedium.Terraform), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_identifier_leaves_an_inert_capital_placeholder_named_in_a_comment()
    {
        var cluster = Cluster("generated", "unused", new KeyReference.ServiceDefault()) with { Name = Fact.Unknown<string>("generated"), Region = null };

        var text = FindingText.Render(Judge(cluster), Language.En);

        // "<region>" would be a shell redirection from a file named region; REGION is only a word
        Assert.StartsWith("# Replace NAME, REGION with this resource's value before running", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("--source-db-cluster-identifier NAME", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.Contains("--region REGION", text.FixIn(RemediationMedium.AwsCli), StringComparison.Ordinal);
        Assert.DoesNotContain("<", text.FixIn(RemediationMedium.AwsCli).Replace("< policy.json", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyLevel.Customer, false, ResultStatus.Pass)]
    [InlineData(KeyLevel.Hsm, false, ResultStatus.Fail)]
    [InlineData(KeyLevel.Hsm, true, ResultStatus.Pass)]
    public void The_minimum_key_level_sets_the_bar(KeyLevel minimum, bool inCustomKeyStore, ResultStatus expected)
    {
        var key = new KmsKey
        {
            Id = "aws_kms_key.k",
            Name = Fact.Known("k"),
            Arn = Fact.Unknown<string>("computed"),
            Manager = Fact.Known(KeyManager.Customer),
            InCustomKeyStore = Fact.Known(inCustomKeyStore),
        };

        var finding = Judge(Cluster("c", "c", new KeyReference.Described(key)), new ScanOptions { MinKeyLevel = minimum });

        Assert.Equal(expected, finding.Status);
    }

    private static NeptuneCluster Cluster(string tfName, string identifier, KeyReference key, bool encrypted = true) => new()
    {
        Id = $"aws_neptune_cluster.{tfName}",
        Name = Fact.Known(identifier),
        Region = "ap-northeast-1",
        Location = new SourceLocation("main.tf", 1),
        Declaration = new SourceAddress(ResourceSources.Terraform, "aws_neptune_cluster", tfName),
        StorageEncrypted = Fact.Known(encrypted),
        KmsKeyId = Fact.Known<string?>(null),
        Key = key,
    };

    private static Finding Judge(NeptuneCluster cluster, ScanOptions? options = null)
    {
        var inventory = new Inventory([cluster], []);
        var selected = (options ?? ScanOptions.Default) with { Rules = new HashSet<string> { "neptune-cluster-cmk-encryption" } };
        return Assert.Single(RuleEngine.Run(inventory, RuleCatalog.All, selected));
    }
}
