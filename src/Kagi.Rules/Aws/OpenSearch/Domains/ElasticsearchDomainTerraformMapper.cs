namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary><c>aws_elasticsearch_domain</c>, the provider's older type for the same domains, mapped as <see cref="DomainTerraformMapper"/> says.</summary>
internal sealed class ElasticsearchDomainTerraformMapper : DomainTerraformMapper
{
    public override string TerraformType => "aws_elasticsearch_domain";
}
