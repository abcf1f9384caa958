using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DynamoDb.Tables;

/// <summary>Lists a region's tables with <c>ListTables</c>, page by page, and describes each with <c>DescribeTable</c>.</summary>
public sealed class DynamoDbTableReader
{
    public const string ListCall = "ListTables";
    public const string DescribeCall = "DescribeTable";

    private readonly IAmazonDynamoDB _dynamoDb;
    private readonly RegionContext _region;

    public DynamoDbTableReader(IAmazonDynamoDB dynamoDb, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(region);
        _dynamoDb = dynamoDb;
        _region = region;
    }

    /// <summary>Each page of table names, as soon as it arrives.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> PagesAsync()
    {
        string? after = null;
        do
        {
            var page = await _region.Call(AwsService.DynamoDb, ListCall, token => _dynamoDb.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = after, Limit = 100 }, token)).ConfigureAwait(false);
            var names = page.TableNames ?? [];
            _region.ResourcesFound(names.Count);
            yield return names;
            after = page.LastEvaluatedTableName;
        }
        while (!string.IsNullOrEmpty(after));
    }

    /// <summary>The table's ARN before it is described, to name it in an ERROR.</summary>
    public string ArnOf(string name) => $"arn:{_region.Partition}:dynamodb:{_region.Region}:{_region.Account}:table/{name}";

    /// <summary>The table, its key named but not yet resolved.</summary>
    public async Task<DynamoDbTable> DescribeAsync(string name)
    {
        var table = (await _region.Call(AwsService.DynamoDb, DescribeCall, token => _dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = name }, token)).ConfigureAwait(false)).Table;
        var encryption = table?.SSEDescription;
        return new DynamoDbTable
        {
            Id = table?.TableArn ?? ArnOf(name),
            Name = Fact.Known(name),
            Region = _region.Region,
            Account = _region.Account,
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known(UsesKms(encryption) ? encryption!.KMSMasterKeyArn : null),
            Key = !UsesKms(encryption) ? new KeyReference.AwsOwned()
                : encryption!.KMSMasterKeyArn is { Length: > 0 } ? new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved"))

                // KMS without a key named is the AWS-managed aws/dynamodb key (DynamoDB itself names it; an emulator may not).
                : new KeyReference.ServiceDefault(),
        };
    }

    // No SSEDescription, or SSE off, is DynamoDB's AWS-owned key; a KMS one names its key (an AWS-managed one too).
    private static bool UsesKms(SSEDescription? encryption) =>
        encryption?.SSEType == SSEType.KMS && encryption.Status != SSEStatus.DISABLED;
}
