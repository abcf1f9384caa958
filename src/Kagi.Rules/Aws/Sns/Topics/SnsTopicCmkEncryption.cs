namespace Kagi.Rules.Aws.Sns.Topics;

/// <summary>The topic's key is at least the minimum key level; <c>alias/aws/sns</c> is AWS-managed.</summary>
public sealed class SnsTopicCmkEncryption : CmkEncryptionRule<SnsTopic>;
