using Amazon.SQS;
using Amazon.SQS.Model;
using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Sqs.Queues;

/// <summary>Lists a region's queues with <c>ListQueues</c>, page by page, and reads each one's encryption with <c>GetQueueAttributes</c>.</summary>
public sealed class SqsQueueReader
{
    public const string ListCall = "ListQueues";
    public const string AttributesCall = "GetQueueAttributes";

    private const string KmsMasterKeyId = "KmsMasterKeyId";
    private const string SqsManagedSseEnabled = "SqsManagedSseEnabled";
    private const string QueueArn = "QueueArn";

    private readonly IAmazonSQS _sqs;
    private readonly RegionContext _region;

    public SqsQueueReader(IAmazonSQS sqs, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentNullException.ThrowIfNull(region);
        _sqs = sqs;
        _region = region;
    }

    /// <summary>Each page of queue URLs, as soon as it arrives.</summary>
    public async IAsyncEnumerable<IReadOnlyList<string>> PagesAsync()
    {
        string? token = null;
        do
        {
            var page = await _region.Call(AwsService.Sqs, ListCall, call => _sqs.ListQueuesAsync(new ListQueuesRequest { NextToken = token, MaxResults = 1000 }, call)).ConfigureAwait(false);
            var urls = page.QueueUrls ?? [];
            _region.ResourcesFound(urls.Count);
            yield return urls;
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>The queue's ARN before its attributes are read, to name it in an ERROR.</summary>
    public string ArnOf(string queueUrl) => $"arn:{_region.Partition}:sqs:{_region.Region}:{_region.Account}:{NameOf(queueUrl)}";

    /// <summary>The queue, its key named but not yet resolved.</summary>
    public async Task<SqsQueue> ReadAsync(string queueUrl)
    {
        var request = new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = [KmsMasterKeyId, SqsManagedSseEnabled, QueueArn] };
        var attributes = (await _region.Call(AwsService.Sqs, AttributesCall, token => _sqs.GetQueueAttributesAsync(request, token)).ConfigureAwait(false)).Attributes ?? [];
        var keyId = attributes.GetValueOrDefault(KmsMasterKeyId) is { Length: > 0 } key ? key : null;
        var sqsManaged = string.Equals(attributes.GetValueOrDefault(SqsManagedSseEnabled), "true", StringComparison.OrdinalIgnoreCase);
        return new SqsQueue
        {
            Id = attributes.GetValueOrDefault(QueueArn) ?? ArnOf(queueUrl),
            Name = Fact.Known(NameOf(queueUrl)),
            Region = _region.Region,
            Account = _region.Account,
            StorageEncrypted = Fact.Known(keyId is not null || sqsManaged),
            KmsKeyId = Fact.Known(keyId),
            Key = keyId is not null ? new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved"))
                : sqsManaged ? new KeyReference.AwsOwned()
                : new KeyReference.Undetermined(Texts.Canonical("reasons.storage-not-encrypted")),
        };
    }

    // https://sqs.eu-west-1.amazonaws.com/111122223333/orders → orders
    private static string NameOf(string queueUrl) => queueUrl.TrimEnd('/')[(queueUrl.TrimEnd('/').LastIndexOf('/') + 1)..];
}
