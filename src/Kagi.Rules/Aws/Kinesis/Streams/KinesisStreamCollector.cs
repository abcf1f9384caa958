using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Kinesis.Streams;

/// <summary>
/// Streams: named page by page with <c>ListStreams</c>, each then described with <c>DescribeStreamSummary</c> (its
/// encryption type and key) as soon as its page arrives, and its key looked up.
/// </summary>
public sealed class KinesisStreamCollector : ILiveCollector
{
    private static readonly AwsOperation Listing = AwsOperations.KinesisListStreams;
    private static readonly AwsOperation Summary = AwsOperations.KinesisDescribeStreamSummary;
    private static readonly KeyValuePair<string, object> PageSize = new("Limit", 100);

    public string ResourceType => KinesisStream.Descriptor.Type;

    public AwsService Service => AwsApi.Kinesis.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name, Summary.Name];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:kinesis:{region}:{account}:stream/*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var kinesis = services.Clients.Api(AwsApi.Kinesis, region.Region);
        return this.CollectPagesAsync(
            region,
            services,
            NamePagesAsync(kinesis, region),
            async name =>
            {
                var stream = await DescribeAsync(kinesis, region, name).ConfigureAwait(false);
                return stream with { Key = await services.Keys.ResolveStorageKeyAsync(stream.StorageEncrypted, stream.KmsKeyId.Value).ConfigureAwait(false) };
            },
            name => (StreamArn(region, name), null));
    }

    // AWS pages by NextToken; an emulator that only says more streams follow (as the API did before NextToken) is
    // asked for the streams after the last name it gave, so no stream is left out either way.
    private static async IAsyncEnumerable<IReadOnlyList<string>> NamePagesAsync(AwsApiClient kinesis, RegionContext region)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal);
        KeyValuePair<string, object>? next = null;
        while (true)
        {
            var page = await kinesis.CallAsync(region, Listing, next is { } after ? [PageSize, after] : [PageSize]).ConfigureAwait(false);
            var names = page.Texts("StreamNames");
            region.ResourcesFound(names.Count);
            yield return names;
            if (page.Text("HasMoreStreams") != "true")
            {
                yield break;
            }

            next = page.Text("NextToken") is { Length: > 0 } token ? new("NextToken", token)
                : names.Count > 0 ? new("ExclusiveStartStreamName", names[^1])
                : throw Unreadable("MissingToken", "HasMoreStreams is true but the answer names no stream to continue after");
            if (!asked.Add($"{next.Value.Key}={next.Value.Value}"))
            {
                throw Unreadable("RepeatedToken", $"{next.Value.Key} '{next.Value.Value}' was asked for twice");
            }
        }
    }

    private static async Task<KinesisStream> DescribeAsync(AwsApiClient kinesis, RegionContext region, string name)
    {
        var answer = await kinesis.CallAsync(region, Summary, [new("StreamName", name)]).ConfigureAwait(false);
        var summary = answer.Member("StreamDescriptionSummary") ?? throw Unreadable("UnexpectedShape", "the answer has no StreamDescriptionSummary");
        return new KinesisStream
        {
            Id = summary.Text("StreamARN") ?? StreamArn(region, name),
            Name = Fact.Known(summary.Text("StreamName") ?? name),
            Region = region.Region,
            Account = region.Account,

            // A stream never encrypted may leave the type out: NONE is the default.
            StorageEncrypted = Fact.Known(string.Equals(summary.Text("EncryptionType"), "KMS", StringComparison.Ordinal)),
            KmsKeyId = Fact.Known(summary.Text("KeyId")),
            Key = new KeyReference.Undetermined(Core.Localization.Texts.Canonical("reasons.key-not-resolved")),
        };
    }

    private static string StreamArn(RegionContext region, string name) => $"arn:{region.Partition}:kinesis:{region.Region}:{region.Account}:stream/{name}";

    private static AwsCallException Unreadable(string code, string detail) =>
        new(AwsApi.Kinesis.Service, Listing.Name, AwsFailureKind.Unparseable, code, detail);
}
