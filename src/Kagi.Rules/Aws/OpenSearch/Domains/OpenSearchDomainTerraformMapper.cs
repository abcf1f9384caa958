using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary><c>aws_opensearch_domain</c>, mapped as <see cref="DomainTerraformMapper"/> says.</summary>
internal sealed class OpenSearchDomainTerraformMapper : DomainTerraformMapper
{
    public override string TerraformType => "aws_opensearch_domain";

    protected override Fact<string?> EngineVersion(IResourceView view) => Facts.OptionalString(view, "engine_version");
}
