using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary><c>AWS::Elasticsearch::Domain</c>, CloudFormation's older type for the same domains, mapped as <see cref="DomainCloudFormationMapper"/> says.</summary>
internal sealed class ElasticsearchDomainCloudFormationMapper : DomainCloudFormationMapper
{
    public override string ResourceType => "AWS::Elasticsearch::Domain";

    protected override string ClusterProperty => "ElasticsearchClusterConfig";

    // The older type takes the bare version (7.10), the API the engine's name with it.
    protected override Fact<string?> EngineVersion(TemplateResource resource) => TemplateFacts.OptionalString(resource, "ElasticsearchVersion").Map(version => version is null ? null : $"Elasticsearch_{version}");
}
