namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary><c>aws_opensearch_domain</c>, mapped as <see cref="DomainTerraformMapper"/> says.</summary>
internal sealed class OpenSearchDomainTerraformMapper : DomainTerraformMapper
{
    public override string TerraformType => "aws_opensearch_domain";
}
