namespace Kagi.Rules.Aws.Sqs.Queues;

/// <summary>The queue's key is at least the minimum key level; SQS's default (SSE-SQS) is an AWS-owned key.</summary>
public sealed class SqsQueueCmkEncryption : CmkEncryptionRule<SqsQueue>;
