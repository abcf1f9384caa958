using System.Security;
using Kagi.Rules.Aws.S3.Buckets;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// S3 (REST-XML, path-style): <c>GET /</c> is ListBuckets — every region's buckets, as AWS lists them, unless the
/// <c>bucket-region</c> filter asks for one region's — and <c>GET /BUCKET?encryption</c> is GetBucketEncryption.
/// </summary>
/// <remarks>
/// A bucket's default encryption: with a key, SSE-KMS (or the <c>SSEAlgorithm</c> of <see cref="FakeStore.Extra"/>);
/// without, AES256 (SSE-S3), or no configuration at all when <see cref="FakeStore.Extra"/> says <c>NoConfiguration</c>.
/// </remarks>
public sealed class S3Api : IFakeApi
{
    public const string NoConfiguration = "NoConfiguration";
    public const string SseAlgorithm = "SSEAlgorithm";

    private const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public string SigningName => "s3";

    public FakeWire Wire => FakeWire.RestXml;

    public FakeListing? ListingOf(string kind) => kind == S3Bucket.Descriptor.Type ? new("ListBuckets", FakeRegion.DefaultMaxPageSize) : null;

    public string ActionOf(FakeRequest request) => (request.Method, BucketOf(request), request.Query.ContainsKey("encryption")) switch
    {
        ("GET", null, _) => "ListBuckets",
        ("GET", not null, true) => "GetBucketEncryption",
        _ => $"{request.Method} {request.Path}",
    };

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        return ActionOf(request) switch
        {
            "ListBuckets" => ListBuckets(request, region, scenario),
            "GetBucketEncryption" => region.StoresOf(S3Bucket.Descriptor.Type).FirstOrDefault(bucket => bucket.Name == BucketOf(request)) is { } bucket
                ? Encryption(bucket)
                : FakeReply.Error(Wire, "NoSuchBucket", "The specified bucket does not exist", 404),
            _ => null,
        };
    }

    private static FakeReply ListBuckets(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        var wanted = request.Query["bucket-region"].FirstOrDefault();
        var buckets = scenario.Regions
            .Where(pair => wanted is null || pair.Key == wanted)
            .SelectMany(pair => pair.Value.StoresOf(S3Bucket.Descriptor.Type).Select(bucket => (Region: pair.Key, bucket.Name)))
            .ToList();
        var requested = int.TryParse(request.Query["max-buckets"].FirstOrDefault(), System.Globalization.CultureInfo.InvariantCulture, out var max) ? max : (int?)null;
        var (page, next) = FakePaging.Page(buckets, request.Query["continuation-token"].FirstOrDefault(), requested, region.MaxPageSize);
        var items = string.Concat(page.Select(bucket =>
            $"<Bucket><Name>{SecurityElement.Escape(bucket.Name)}</Name><CreationDate>2024-01-01T00:00:00.000Z</CreationDate><BucketRegion>{bucket.Region}</BucketRegion></Bucket>"));
        var token = next is null ? string.Empty : $"<ContinuationToken>{next}</ContinuationToken>";
        return FakeReply.Xml($"""<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult xmlns="{Namespace}"><Owner><ID>fake-owner</ID></Owner><Buckets>{items}</Buckets>{token}</ListAllMyBucketsResult>""");
    }

    private FakeReply Encryption(FakeStore bucket)
    {
        if (bucket.Extra.ContainsKey(NoConfiguration))
        {
            return FakeReply.Error(Wire, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found", 404);
        }

        var algorithm = bucket.Extra.GetValueOrDefault(SseAlgorithm) ?? (bucket.KmsKeyId is null ? "AES256" : "aws:kms");
        var key = bucket.KmsKeyId is null ? string.Empty : $"<KMSMasterKeyID>{SecurityElement.Escape(bucket.KmsKeyId)}</KMSMasterKeyID>";
        return FakeReply.Xml($"""<?xml version="1.0" encoding="UTF-8"?><ServerSideEncryptionConfiguration xmlns="{Namespace}"><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>{algorithm}</SSEAlgorithm>{key}</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>true</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>""");
    }

    // Path-style: /BUCKET or /BUCKET/KEY; null for the service itself.
    private static string? BucketOf(FakeRequest request) =>
        request.Path.Trim('/') is { Length: > 0 } path ? path.Split('/')[0] : null;
}
