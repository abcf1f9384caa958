namespace Kagi.Rules.Aws.Kinesis.Streams;

/// <summary>The stream's key is at least the minimum key level: "a CMK or higher".</summary>
public sealed class KinesisStreamCmkEncryption : CmkEncryptionRule<KinesisStream>;
