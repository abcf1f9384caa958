using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DynamoDb.Tables;

/// <summary>DynamoDB tables: names listed page by page, each table described and its key looked up as soon as its page arrives.</summary>
public sealed class DynamoDbTableCollector : ILiveCollector
{
    public string ResourceType => DynamoDbTable.Descriptor.Type;

    public AwsService Service => AwsService.DynamoDb;

    public IReadOnlyList<string> Calls { get; } = [DynamoDbTableReader.ListCall, DynamoDbTableReader.DescribeCall];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:dynamodb:{region}:{account}:table/*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var reader = new DynamoDbTableReader(services.Clients.DynamoDb(region.Region), region);
        return this.CollectPagesAsync(region, services, reader.PagesAsync(), DescribeAsync, name => (reader.ArnOf(name), null));

        async Task<CloudResource> DescribeAsync(string name)
        {
            var table = await reader.DescribeAsync(name).ConfigureAwait(false);
            return table.KmsKeyId.Value is { Length: > 0 } keyArn ? table with { Key = await services.Keys.ResolveAsync(keyArn).ConfigureAwait(false) } : table;
        }
    }
}
