using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.OpenSearch.Domains;
using Kagi.Terraform;
using Kagi.Testing;

namespace Kagi.Rules.Tests;

/// <summary>
/// Both Terraform types of an OpenSearch Service domain, and both CloudFormation ones, are the one kind: a type no mapper names is skipped by the
/// scanner without a word, so the older <c>aws_elasticsearch_domain</c> and <c>AWS::Elasticsearch::Domain</c> are checked here rather than trusted to the fixtures.
/// </summary>
public sealed class OpenSearchDomainTypesTests
{
    [Theory]
    [InlineData("aws_opensearch_domain")]
    [InlineData("aws_elasticsearch_domain")]
    public void Each_terraform_type_of_a_domain_maps_to_the_one_kind(string terraformType) =>
        Assert.Equal(typeof(OpenSearchDomain), KindCatalog.TerraformMappers.Records.GetValueOrDefault(terraformType));

    [Theory]
    [InlineData("AWS::OpenSearchService::Domain")]
    [InlineData("AWS::Elasticsearch::Domain")]
    public void Each_cloudformation_type_of_a_domain_maps_to_the_one_kind(string resourceType) =>
        Assert.Equal(typeof(OpenSearchDomain), KindCatalog.CloudFormationMappers.Records.GetValueOrDefault(resourceType));

    [Fact]
    public void A_legacy_elasticsearch_domain_is_judged_like_an_opensearch_one()
    {
        var fixtures = RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures", "opensearch", "opensearch-domain-cmk-encryption");
        var options = new ScanOptions { Rules = new HashSet<string> { "opensearch-domain-cmk-encryption" } };

        var findings = RuleEngine.Run(new TerraformScanner(KindCatalog.TerraformMappers).Scan([fixtures]), RuleCatalog.All, options)
            .ToDictionary(finding => finding.Resource.Id, finding => finding.Status);

        Assert.Equal(ResultStatus.Pass, findings["aws_elasticsearch_domain.pass_legacy_key_resource"]);
        Assert.Equal(ResultStatus.Fail, findings["aws_elasticsearch_domain.fail_legacy_unencrypted_by_default"]);
        Assert.Equal(ResultStatus.Fail, findings["aws_elasticsearch_domain.fail_legacy_aws_managed_default"]);
    }
}
