using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Terraform;
using Kagi.Testing;

namespace Kagi.Rules.Tests;

/// <summary>A Neptune cluster with no instance is in no zone at all: multi-AZ cannot be told, and the reason says why.</summary>
public sealed class NeptuneClusterMultiAzTests
{
    [Theory]
    [InlineData("aws_neptune_cluster.unknown_no_instances", Language.En, "no aws_neptune_cluster_instance in the configuration belongs to this cluster")]
    [InlineData("aws_neptune_cluster.unknown_json_no_instances", Language.En, "no aws_neptune_cluster_instance in the configuration belongs to this cluster")]
    [InlineData("aws_neptune_cluster.unknown_no_instances", Language.Ja, "構成内にこのクラスターに属する aws_neptune_cluster_instance がありません")]
    public void A_cluster_without_instances_is_unknown_with_that_reason_in_hcl_and_json(string resourceId, Language language, string reason)
    {
        var directory = RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures", "neptune", "neptune-cluster-multi-az");
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([directory]);

        var finding = Assert.Single(
            RuleEngine.Run(inventory, RuleCatalog.All, new ScanOptions { Rules = new HashSet<string> { "neptune-cluster-multi-az" } }),
            finding => finding.Resource.Id == resourceId);

        Assert.Equal(ResultStatus.Unknown, finding.Status);
        Assert.Contains(reason, FindingText.Render(finding, language).Message, StringComparison.Ordinal);
    }
}
