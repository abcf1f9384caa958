namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>The file system's key is at least the minimum key level; encrypted without a key named, it is on <c>aws/elasticfilesystem</c>.</summary>
public sealed class EfsFileSystemCmkEncryption : CmkEncryptionRule<EfsFileSystem>;
