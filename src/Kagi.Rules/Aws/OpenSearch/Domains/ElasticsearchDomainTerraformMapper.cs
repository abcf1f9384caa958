using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary><c>aws_elasticsearch_domain</c>, the provider's older type for the same domains, mapped as <see cref="DomainTerraformMapper"/> says.</summary>
internal sealed class ElasticsearchDomainTerraformMapper : DomainTerraformMapper
{
    public override string TerraformType => "aws_elasticsearch_domain";

    // The provider takes the bare version (7.10), the API the engine's name with it.
    protected override Fact<string?> EngineVersion(IResourceView view) => Facts.OptionalString(view, "elasticsearch_version").Map(version => version is null ? null : $"Elasticsearch_{version}");
}
