using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Terraform.Tests.Support;
using Kagi.Testing;

namespace Kagi.Terraform.Tests;

public sealed class ModuleCorpusTests
{
    private static string Corpus => Path.Combine(RepoPaths.Root, "tests", "corpus", "terraform-modules");

    [Fact]
    public void The_module_corpus_gives_every_instance_its_terraform_address_and_key_level()
    {
        // Given a root whose tfvars choose two graphs (one in the CloudHSM key store) and a legacy graph, through nested modules
        // When the whole corpus is scanned
        var inventory = new TerraformScanner(KindCatalog.TerraformMappers).Scan([Corpus]);

        // Then nothing is wrong with it, only the root is scanned as a root, and each cluster has its own verdict
        Assert.Empty(inventory.Diagnostics);
        var clusters = inventory.Resources.OfType<NeptuneCluster>().ToDictionary(c => c.Id, c => c.KeyLevel.Value);
        Assert.Equal(
            new Dictionary<string, KeyLevel>
            {
                ["module.platform.module.graph[\"fraud\"].aws_neptune_cluster.this[0]"] = KeyLevel.Hsm,
                ["module.platform.module.graph[\"social\"].aws_neptune_cluster.this[0]"] = KeyLevel.Customer,
                ["module.platform.module.legacy_graph[0].aws_neptune_cluster.this[0]"] = KeyLevel.AwsManaged,
            },
            clusters);
        Assert.Equal(
            ["module.platform.module.graph_key[\"fraud\"].aws_kms_key.this", "module.platform.module.graph_key[\"social\"].aws_kms_key.this"],
            inventory.Resources.OfType<KmsKey>().Select(k => k.Id).Order(StringComparer.Ordinal));
        Assert.All(inventory.Resources, r => Assert.Equal(Path.Combine(Corpus, "live", "prod"), r.Scope));
        Assert.All(inventory.Resources, r => Assert.Equal("ap-northeast-1", r.Region));
    }
}
