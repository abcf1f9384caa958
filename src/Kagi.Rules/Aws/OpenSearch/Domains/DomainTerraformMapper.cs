using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.OpenSearch.Domains;

/// <summary>
/// The one mapping of both Terraform types of a domain (<c>aws_opensearch_domain</c> and the older
/// <c>aws_elasticsearch_domain</c>, which share the block): without an <c>encrypt_at_rest</c> block, or with
/// <c>enabled = false</c>, the domain is not encrypted; enabled without <c>kms_key_id</c>, it uses <c>aws/es</c>.
/// </summary>
internal abstract class DomainTerraformMapper : ResourceMapper<OpenSearchDomain>
{
    private const string EncryptionBlock = "encrypt_at_rest";
    private const string KeyArgument = "kms_key_id";

    public sealed override OpenSearchDomain Map(IResourceView view, KeyResolver keys)
    {
        var block = view.Block(EncryptionBlock);
        var encrypted = (view.Get(EncryptionBlock), block) switch
        {
            (TfUnknown unknown, _) => Fact.Unknown<bool>(unknown.Reason),
            (_, null) => Fact.Known(false),
            _ => Facts.Bool(block, "enabled", whenNotSet: false),
        };
        return new OpenSearchDomain
        {
            Id = view.Address,
            Name = Facts.RequiredName(view, "domain_name"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = block is null ? Fact.Known<string?>(null) : Facts.OptionalString(block, KeyArgument),
            Key = encrypted switch
            {
                { IsKnown: false } open => new KeyReference.Undetermined(open.Reason!),
                { Value: false } => new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted")),
                _ => keys.Resolve(block!, KeyArgument),
            },
        };
    }
}
