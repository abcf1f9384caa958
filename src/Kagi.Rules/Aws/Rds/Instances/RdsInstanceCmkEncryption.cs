namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>The instance's storage key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class RdsInstanceCmkEncryption : CmkEncryptionRule<RdsInstance>;
