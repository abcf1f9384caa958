namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>Storage encryption is on; the Terraform provider's default is off.</summary>
public sealed class RdsInstanceStorageEncrypted : StorageEncryptedRule<RdsInstance>;
