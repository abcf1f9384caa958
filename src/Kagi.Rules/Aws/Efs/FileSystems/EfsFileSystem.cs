using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>An Amazon EFS file system: encrypted at rest only when created so, under <c>aws/elasticfilesystem</c> unless it names another key.</summary>
public sealed record EfsFileSystem : CloudResource, IEncryptedAtRest
{
    // ASFF has a type for EFS access points but none for file systems.
    public static ResourceKind Descriptor { get; } = new("AWS::EFS::FileSystem", AsffType: ResourceKind.OtherAsffType, OcsfType: "AWS::EFS::FileSystem", Service: "efs", ServiceKeyAlias: "alias/aws/elasticfilesystem");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The key as written or returned (ID, ARN, alias); null when none was given.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows.</summary>
    public required KeyReference Key { get; init; }
}
