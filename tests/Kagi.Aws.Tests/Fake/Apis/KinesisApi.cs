using Kagi.Rules.Aws.Kinesis.Streams;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>Kinesis' <c>ListStreams</c> (names, paged by <c>NextToken</c> with <c>HasMoreStreams</c>) and <c>DescribeStreamSummary</c> over the region's streams.</summary>
public sealed class KinesisApi : IFakeApi
{
    /// <summary>The most streams a page holds here (the API allows more; the fake pages sooner).</summary>
    public const int MaxPageSize = 100;

    public string SigningName => "kinesis";

    public FakeWire Wire => FakeWire.Json;

    public FakeListing? ListingOf(string kind) => kind == KinesisStream.Descriptor.Type ? new("ListStreams", MaxPageSize) : null;

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var streams = region.StoresOf(KinesisStream.Descriptor.Type);
        switch (request.Target)
        {
            case "ListStreams":
                var (page, next) = FakePaging.Page(streams, request.JsonString("NextToken"), request.JsonInt("Limit"), MaxPageSize);
                return FakeReply.Json(new
                {
                    StreamNames = page.Select(stream => stream.Name),
                    StreamSummaries = page.Select(stream => new { StreamName = stream.Name, StreamARN = Arn(request, scenario, stream), StreamStatus = "ACTIVE" }),
                    HasMoreStreams = next is not null,
                    NextToken = next,
                });
            case "DescribeStreamSummary":
                return streams.FirstOrDefault(stream => stream.Name == request.JsonString("StreamName")) is { } found
                    ? FakeReply.Json(new
                    {
                        StreamDescriptionSummary = new
                        {
                            StreamName = found.Name,
                            StreamARN = Arn(request, scenario, found),
                            StreamStatus = "ACTIVE",
                            EncryptionType = found.Encrypted ? "KMS" : "NONE",
                            KeyId = found.Encrypted ? found.KmsKeyId : null,
                        },
                    })
                    : FakeReply.Error(Wire, "ResourceNotFoundException", $"Stream {request.JsonString("StreamName")} under account {scenario.Account} not found.");
            default:
                return null;
        }
    }

    private static string Arn(FakeRequest request, FakeScenario scenario, FakeStore stream) => $"arn:aws:kinesis:{request.Region}:{scenario.Account}:stream/{stream.Name}";
}
