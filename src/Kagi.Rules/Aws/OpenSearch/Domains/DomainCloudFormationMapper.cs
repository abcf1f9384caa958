using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// The one mapping of both CloudFormation types of a domain (<c>AWS::OpenSearchService::Domain</c> and the older
/// <c>AWS::Elasticsearch::Domain</c>, which share <c>EncryptionAtRestOptions</c>), as <see cref="DomainTerraformMapper"/>
/// maps Terraform's: without the options, or with <c>Enabled</c> false or left out, the domain is not encrypted; enabled
/// without <c>KmsKeyId</c>, it uses <c>aws/es</c>.
/// </summary>
internal abstract class DomainCloudFormationMapper : CloudFormationMapper<OpenSearchDomain>
{
    private const string Options = "EncryptionAtRestOptions";

    public sealed override OpenSearchDomain Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var options = resource.Get(Options);
        var keyId = (options as TemplateMap)?.Get("KmsKeyId") ?? TemplateValue.Null;
        var encrypted = options switch
        {
            TemplateNull => Fact.Known(false),
            TemplateMap map => (map.Get("Enabled") ?? TemplateValue.Null) switch
            {
                TemplateNull => Fact.Known(false),
                TemplateText { Value: var text } when bool.TryParse(text, out var enabled) => Fact.Known(enabled),
                var other => TemplateFacts.NotKnown<bool>(resource, $"{Options}.Enabled", other, "Boolean"),
            },
            var other => TemplateFacts.NotKnown<bool>(resource, Options, other, Options),
        };
        return new OpenSearchDomain
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "DomainName"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = keyId switch
            {
                TemplateNull => Fact.Known<string?>(null),
                TemplateText { Value: var text } => Fact.Known<string?>(text),
                var other => TemplateFacts.NotKnown<string?>(resource, $"{Options}.KmsKeyId", other, "String"),
            },
            Key = encrypted switch
            {
                { IsKnown: false } open => new KeyReference.Undetermined(open.Reason!),
                { Value: false } => new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted")),
                _ => keys.Resolve(resource, $"{Options}.KmsKeyId", keyId),
            },
        };
    }
}
