namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary><c>AWS::OpenSearchService::Domain</c>, mapped as <see cref="DomainCloudFormationMapper"/> says.</summary>
internal sealed class OpenSearchDomainCloudFormationMapper : DomainCloudFormationMapper
{
    public override string ResourceType => OpenSearchDomain.Descriptor.Type;
}
