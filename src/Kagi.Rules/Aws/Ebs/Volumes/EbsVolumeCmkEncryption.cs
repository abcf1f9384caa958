namespace Kagi.Rules.Aws.Ebs.Volumes;

/// <summary>The volume's key is at least the minimum key level; a volume naming no key is on the account's default EBS key, <c>aws/ebs</c> unless set to another.</summary>
public sealed class EbsVolumeCmkEncryption : CmkEncryptionRule<EbsVolume>;
