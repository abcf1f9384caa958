using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Logs.LogGroups;

/// <summary>Log groups: listed with <c>DescribeLogGroups</c>, which names the associated key; one without is on a key CloudWatch Logs owns.</summary>
public sealed class LogsLogGroupCollector : ListedStoreCollector<LogsLogGroup>
{
    protected override AwsOperation Listing => AwsOperations.LogsDescribeLogGroups;

    protected override string ListMember => "logGroups";

    protected override KeyValuePair<string, object> PageSize => new("limit", 50);

    public override string WildcardArn(string partition, string region, string account) => $"arn:{partition}:logs:{region}:{account}:log-group:*";

    protected override LogsLogGroup Read(AwsAnswer item, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(region);
        var name = item.Text("logGroupName") ?? string.Empty;
        return new LogsLogGroup
        {
            Id = item.Text("logGroupArn") ?? $"arn:{region.Partition}:logs:{region.Region}:{region.Account}:log-group:{name}",
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(item.Text("kmsKeyId")),
            Key = NotResolved,
        };
    }

    protected override LogsLogGroup WithKey(LogsLogGroup store, KeyReference key) => store with { Key = key };
}
