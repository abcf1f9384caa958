namespace Kagi.Rules.Aws.Ecr.Repositories;

/// <summary>The repository's key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class EcrRepositoryCmkEncryption : CmkEncryptionRule<EcrRepository>;
