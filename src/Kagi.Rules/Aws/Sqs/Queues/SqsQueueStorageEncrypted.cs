namespace Kagi.Rules.Aws.Sqs.Queues;

/// <summary>Messages are encrypted at rest; SQS lets a queue turn server-side encryption off.</summary>
public sealed class SqsQueueStorageEncrypted : StorageEncryptedRule<SqsQueue>;
