using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DynamoDb.Tables;

/// <summary>
/// <c>AWS::DynamoDB::Table</c>: without <c>SSESpecification</c>, or with <c>SSEEnabled: false</c>, DynamoDB encrypts
/// with an AWS-owned key; enabled without <c>KMSMasterKeyId</c>, with the account's <c>aws/dynamodb</c> key.
/// </summary>
internal sealed class DynamoDbTableCloudFormationMapper : CloudFormationMapper<DynamoDbTable>
{
    public override string ResourceType => DynamoDbTable.Descriptor.Type;

    public override DynamoDbTable Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (keyId, key) = Encryption(resource, keys);
        return new DynamoDbTable
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "TableName"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = keyId,
            Key = key,
        };
    }

    /// <summary>The key of a table's <c>SSESpecification</c>, which SAM's <c>AWS::Serverless::SimpleTable</c> passes on as it is.</summary>
    internal static (Fact<string?> KeyId, KeyReference Key) Encryption(TemplateResource table, TemplateKeyResolver keys)
    {
        var specification = TemplateFacts.Nested(table, "SSESpecification");
        if (specification is { IsKnown: false, Reason: var reason })
        {
            return (Fact.Unknown<string?>(reason!), new KeyReference.Undetermined(reason!));
        }

        if (specification.Value is not { } sse)
        {
            return (Fact.Known<string?>(null), new KeyReference.AwsOwned());
        }

        var keyId = TemplateFacts.OptionalString(sse, "KMSMasterKeyId");
        return TemplateFacts.Bool(sse, "SSEEnabled", whenNotSet: false) switch
        {
            { IsKnown: false } enabled => (keyId, new KeyReference.Undetermined(enabled.Reason!)),

            // Disabled, DynamoDB ignores any key named and uses its own.
            { Value: false } => (keyId, new KeyReference.AwsOwned()),
            _ => (keyId, keys.Resolve(sse, "KMSMasterKeyId")),
        };
    }
}
