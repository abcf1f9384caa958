using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Sns.Topics;

/// <summary>
/// Topics: ARNs listed page by page with <c>ListTopics</c>, each topic's attributes then read with
/// <c>GetTopicAttributes</c> as soon as its page arrives, and the key it names (ID, ARN or alias) resolved.
/// </summary>
public sealed class SnsTopicCollector : ILiveCollector
{
    private const string KmsMasterKeyId = "KmsMasterKeyId";

    private static readonly AwsOperation Listing = AwsOperations.SnsListTopics;
    private static readonly AwsOperation Attributes = AwsOperations.SnsGetTopicAttributes;

    public string ResourceType => SnsTopic.Descriptor.Type;

    public AwsService Service => AwsApi.Sns.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name, Attributes.Name];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:sns:{region}:{account}:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var sns = services.Clients.Api(AwsApi.Sns, region.Region);
        return this.CollectPagesAsync(
            region,
            services,
            sns.ItemPagesAsync(region, Listing, "Topics", topic => topic.Text("TopicArn") ?? throw Unreadable("the listing names a topic without its ARN"), []),
            async arn =>
            {
                var topic = await ReadAsync(sns, region, arn).ConfigureAwait(false);
                return topic.KmsKeyId.Value is { } key ? topic with { Key = await services.Keys.ResolveAsync(key).ConfigureAwait(false) } : topic;
            },
            arn => (arn, null));
    }

    private static async Task<SnsTopic> ReadAsync(AwsApiClient sns, RegionContext region, string arn)
    {
        var answer = await sns.CallAsync(region, Attributes, [new("TopicArn", arn)]).ConfigureAwait(false);
        var keyId = answer.Map("Attributes").GetValueOrDefault(KmsMasterKeyId) is { Length: > 0 } key ? key : null;
        return new SnsTopic
        {
            Id = arn,
            Name = Fact.Known(arn[(arn.LastIndexOf(':') + 1)..]),
            Region = region.Region,
            Account = region.Account,
            StorageEncrypted = Fact.Known(keyId is not null),
            KmsKeyId = Fact.Known(keyId),
            Key = new KeyReference.Undetermined(Texts.Canonical(keyId is null ? "reasons.storage-not-encrypted" : "reasons.key-not-resolved")),
        };
    }

    private static AwsCallException Unreadable(string detail) =>
        new(AwsApi.Sns.Service, Listing.Name, AwsFailureKind.Unparseable, "UnexpectedShape", detail);
}
