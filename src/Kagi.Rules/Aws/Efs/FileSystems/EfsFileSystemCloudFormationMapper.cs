using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>
/// <c>AWS::EFS::FileSystem</c>, as <see cref="EfsFileSystemTerraformMapper"/> maps <c>aws_efs_file_system</c>: unencrypted
/// unless <c>Encrypted: true</c> (the API's default is false, although the console's is true); encrypted without
/// <c>KmsKeyId</c>, on <c>aws/elasticfilesystem</c>. Its tags are <c>FileSystemTags</c>.
/// </summary>
internal sealed class EfsFileSystemCloudFormationMapper : CloudFormationMapper<EfsFileSystem>
{
    public override string ResourceType => EfsFileSystem.Descriptor.Type;

    public override EfsFileSystem Map(TemplateResource resource, TemplateKeyResolver keys) => new()
    {
        Id = resource.Id,
        Name = Fact.Unknown<string>(Texts.Canonical("reasons.id-assigned-at-creation")),
        Tags = TemplateFacts.Tags(resource, "FileSystemTags"),
        StorageEncrypted = TemplateFacts.Bool(resource, "Encrypted", whenNotSet: false),
        KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
        Key = keys.Resolve(resource, "KmsKeyId"),
    };
}
