using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Logs.LogGroups;

/// <summary>Log groups: listed with <c>DescribeLogGroups</c>, which names the associated key; one without is on a key CloudWatch Logs owns.</summary>
public sealed class LogsLogGroupCollector : ILiveCollector
{
    private static readonly AwsOperation Listing = AwsOperations.LogsDescribeLogGroups;

    public string ResourceType => LogsLogGroup.Descriptor.Type;

    public AwsService Service => AwsApi.Logs.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:logs:{region}:{account}:log-group:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var pages = services.Clients.Api(AwsApi.Logs, region.Region).ItemPagesAsync(region, Listing, "logGroups", group => Read(group, region), [new("limit", 50)]);
        return this.CollectPagesAsync(
            region,
            services,
            pages,
            async group => group with { Key = await services.Keys.ResolveStorageKeyAsync(group.StorageEncrypted, group.KmsKeyId.Value).ConfigureAwait(false) },
            group => (group.Id, group.KmsKeyId.Value));
    }

    private static LogsLogGroup Read(AwsAnswer group, RegionContext region)
    {
        var name = group.Text("logGroupName") ?? string.Empty;
        return new LogsLogGroup
        {
            Id = group.Text("logGroupArn") ?? $"arn:{region.Partition}:logs:{region.Region}:{region.Account}:log-group:{name}",
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(group.Text("kmsKeyId")),
            Key = new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved")),
        };
    }
}
