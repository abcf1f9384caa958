namespace Kagi.Rules.Aws.DynamoDb.Tables;

/// <summary>The table's key is at least the minimum key level; DynamoDB's default is an AWS-owned key.</summary>
public sealed class DynamodbTableCmkEncryption : CmkEncryptionRule<DynamoDbTable>;
