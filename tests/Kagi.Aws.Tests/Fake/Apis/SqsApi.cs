using Kagi.Rules.Aws.Sqs.Queues;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>SQS (JSON 1.0, as SDKs speak it since 2023): <c>ListQueues</c>, paged, and <c>GetQueueAttributes</c>.</summary>
/// <remarks>A store with no key is SSE-SQS unless it is not <see cref="FakeStore.Encrypted"/>; its key is returned as written (ARN, ID or alias).</remarks>
public sealed class SqsApi : IFakeApi
{
    private const string ContentType = "application/x-amz-json-1.0";

    public string SigningName => "sqs";

    public FakeWire Wire => FakeWire.Json;

    public FakeListing? ListingOf(string kind) => kind == SqsQueue.Descriptor.Type ? new("ListQueues", FakeRegion.DefaultMaxPageSize) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var queues = region.StoresOf(SqsQueue.Descriptor.Type);
        string UrlOf(FakeStore queue) => $"https://sqs.{request.Region}.amazonaws.com/{scenario.Account}/{queue.Name}";
        switch (request.Target)
        {
            case "ListQueues":
                var (page, next) = FakePaging.Page(queues, request.JsonString("NextToken"), request.JsonInt("MaxResults"), region.MaxPageSize);
                return FakeReply.Json(new { QueueUrls = page.Select(UrlOf), NextToken = next }, ContentType);
            case "GetQueueAttributes":
                return queues.FirstOrDefault(queue => UrlOf(queue) == request.JsonString("QueueUrl")) is { } found
                    ? FakeReply.Json(new { Attributes = Attributes(found, request.Region, scenario.Account) }, ContentType)
                    : FakeReply.Error(Wire, "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");
            default:
                return null;
        }
    }

    private static Dictionary<string, string> Attributes(FakeStore queue, string region, string account)
    {
        var attributes = new Dictionary<string, string>
        {
            ["QueueArn"] = $"arn:aws:sqs:{region}:{account}:{queue.Name}",
            ["SqsManagedSseEnabled"] = queue.Encrypted && queue.KmsKeyId is null ? "true" : "false",
        };
        if (queue.KmsKeyId is { } key)
        {
            attributes["KmsMasterKeyId"] = key;
            attributes["KmsDataKeyReusePeriodSeconds"] = "300";
        }

        return attributes;
    }
}
