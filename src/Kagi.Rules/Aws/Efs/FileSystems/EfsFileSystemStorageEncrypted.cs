namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>The file system is encrypted at rest; the API's and the Terraform provider's default is unencrypted.</summary>
public sealed class EfsFileSystemStorageEncrypted : StorageEncryptedRule<EfsFileSystem>;
