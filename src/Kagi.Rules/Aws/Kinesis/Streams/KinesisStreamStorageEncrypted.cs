namespace Kagi.Rules.Aws.Kinesis.Streams;

/// <summary>Server-side encryption is on; streams are created without it.</summary>
public sealed class KinesisStreamStorageEncrypted : StorageEncryptedRule<KinesisStream>;
