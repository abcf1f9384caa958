using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Sns.Topics;

/// <summary>
/// <c>aws_sns_topic</c>: <c>kms_master_key_id</c> turns server-side encryption on with the key it names
/// (<c>alias/aws/sns</c> being the AWS-managed one); without it, or empty, the topic is not encrypted.
/// </summary>
internal sealed class SnsTopicTerraformMapper : ResourceMapper<SnsTopic>
{
    private const string KeyArgument = "kms_master_key_id";

    public override string TerraformType => "aws_sns_topic";

    public override SnsTopic Map(IResourceView view, KeyResolver keys)
    {
        var encrypted = NamesKey(view.Get(KeyArgument));
        return new SnsTopic
        {
            Id = view.Address,
            Name = Facts.Name(view, "name", "name_prefix"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = Facts.OptionalString(view, KeyArgument),
            Key = encrypted is { IsKnown: true, Value: false }
                ? new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted"))
                : keys.Resolve(view, KeyArgument),
        };
    }

    // An attribute of a key, alias or key data source is never empty, so a reference to one turns encryption on even
    // before apply; a value known only after apply from elsewhere (a variable without default) may yet be empty.
    private static Fact<bool> NamesKey(TfValue value) => value switch
    {
        TfNull or TfString { Value.Length: 0 } => Fact.Known(false),
        TfString => Fact.Known(true),
        TfUnknown { Origin: not null } => Fact.Known(true),
        TfUnknown unknown => Fact.Unknown<bool>(unknown.Reason),
        _ => Fact.Unknown<bool>(Texts.Canonical("reasons.attribute-not-string", ("attribute", KeyArgument), ("type", value.TypeName))),
    };
}
