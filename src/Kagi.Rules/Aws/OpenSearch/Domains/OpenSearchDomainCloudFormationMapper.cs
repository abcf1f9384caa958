using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary><c>AWS::OpenSearchService::Domain</c>, mapped as <see cref="DomainCloudFormationMapper"/> says.</summary>
internal sealed class OpenSearchDomainCloudFormationMapper : DomainCloudFormationMapper
{
    public override string ResourceType => OpenSearchDomain.Descriptor.Type;

    protected override string ClusterProperty => DomainOptions.Cluster.Name;

    protected override Fact<string?> EngineVersion(TemplateResource resource) => TemplateFacts.OptionalString(resource, "EngineVersion");
}
