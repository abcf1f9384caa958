namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary><c>AWS::Elasticsearch::Domain</c>, CloudFormation's older type for the same domains, mapped as <see cref="DomainCloudFormationMapper"/> says.</summary>
internal sealed class ElasticsearchDomainCloudFormationMapper : DomainCloudFormationMapper
{
    public override string ResourceType => "AWS::Elasticsearch::Domain";
}
