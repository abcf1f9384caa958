using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DynamoDb.Tables;

/// <summary>
/// SAM's <c>AWS::Serverless::SimpleTable</c>, which the <c>AWS::Serverless-2016-10-31</c> transform turns into an
/// <c>AWS::DynamoDB::Table</c> of the same logical ID: its <c>SSESpecification</c> is the table's, passed on as it is,
/// and its <c>Tags</c> are a map.
/// </summary>
internal sealed class DynamoDbSimpleTableCloudFormationMapper : CloudFormationMapper<DynamoDbTable>
{
    public override string ResourceType => "AWS::Serverless::SimpleTable";

    public override DynamoDbTable Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (keyId, key) = DynamoDbTableCloudFormationMapper.Encryption(resource, keys);
        return new DynamoDbTable
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "TableName"),
            Tags = TemplateFacts.TagMap(resource, "Tags"),
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = keyId,
            Key = key,
        };
    }
}
