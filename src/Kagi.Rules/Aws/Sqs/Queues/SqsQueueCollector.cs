using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Sqs.Queues;

/// <summary>SQS queues: URLs listed page by page, each queue's attributes read and its key looked up as soon as its page arrives.</summary>
public sealed class SqsQueueCollector : ILiveCollector
{
    public string ResourceType => SqsQueue.Descriptor.Type;

    public AwsService Service => AwsService.Sqs;

    public IReadOnlyList<string> Calls { get; } = [SqsQueueReader.ListCall, SqsQueueReader.AttributesCall];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:sqs:{region}:{account}:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var reader = new SqsQueueReader(services.Clients.Sqs(region.Region), region);
        return this.CollectPagesAsync(region, services, reader.PagesAsync(), ReadAsync, url => (reader.ArnOf(url), null));

        // A key named by alias or ID is resolved to the key itself, once per region however many queues share it.
        async Task<CloudResource> ReadAsync(string url)
        {
            var queue = await reader.ReadAsync(url).ConfigureAwait(false);
            return queue.KmsKeyId.Value is { } keyId ? queue with { Key = await services.Keys.ResolveAsync(keyId).ConfigureAwait(false) } : queue;
        }
    }
}
