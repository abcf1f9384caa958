namespace Kagi.Rules.Aws.Sns.Topics;

/// <summary>Server-side encryption is on; topics are created without it.</summary>
public sealed class SnsTopicStorageEncrypted : StorageEncryptedRule<SnsTopic>;
