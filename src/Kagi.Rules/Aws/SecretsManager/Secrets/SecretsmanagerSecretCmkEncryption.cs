namespace Kagi.Rules.Aws.SecretsManager.Secrets;

/// <summary>The secret's key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class SecretsmanagerSecretCmkEncryption : CmkEncryptionRule<SecretsManagerSecret>;
