namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>The volume is encrypted; without encryption by default on in its region, a volume is encrypted only when asked.</summary>
public sealed class EbsVolumeStorageEncrypted : StorageEncryptedRule<EbsVolume>;
