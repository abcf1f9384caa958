using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DynamoDb.Tables;

/// <summary>An Amazon DynamoDB table. DynamoDB always encrypts at rest: the question is only whose key does it.</summary>
public sealed record DynamoDbTable : CloudResource, IEncryptedAtRest
{
    public static ResourceKind Descriptor { get; } = new("AWS::DynamoDB::Table", AsffType: "AwsDynamoDbTable", OcsfType: "AWS::DynamoDB::Table", Service: "dynamodb");

    public required Fact<bool> StorageEncrypted { get; init; }

    /// <summary>The KMS key ARN as written or returned; null when the table names none.</summary>
    public required Fact<string?> KmsKeyId { get; init; }

    /// <summary>The key, resolved as far as the source allows: AWS-owned unless server-side encryption with KMS is on.</summary>
    public required KeyReference Key { get; init; }
}
