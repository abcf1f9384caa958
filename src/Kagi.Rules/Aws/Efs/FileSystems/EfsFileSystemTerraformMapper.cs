using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>
/// <c>aws_efs_file_system</c>: unencrypted unless <c>encrypted = true</c> (the provider sends no value, and the API's
/// default is false, although the console's is true); encrypted without <c>kms_key_id</c>, on <c>aws/elasticfilesystem</c>.
/// </summary>
internal sealed class EfsFileSystemTerraformMapper : ResourceMapper<EfsFileSystem>
{
    private const string KeyArgument = "kms_key_id";

    public override string TerraformType => "aws_efs_file_system";

    public override EfsFileSystem Map(IResourceView view, KeyResolver keys) => new()
    {
        Id = view.Address,
        Name = Fact.Unknown<string>(Texts.Canonical("reasons.id-assigned-at-creation")),
        Tags = Facts.Tags(view),
        StorageEncrypted = Facts.Bool(view, "encrypted", whenNotSet: false),
        KmsKeyId = Facts.OptionalString(view, KeyArgument),
        Key = keys.Resolve(view, KeyArgument),
    };
}
