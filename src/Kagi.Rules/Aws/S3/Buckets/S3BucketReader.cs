using Amazon.S3;
using Amazon.S3.Model;
using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.S3.Buckets;

/// <summary>
/// Lists the buckets of one region with <c>ListBuckets</c> (its bucket-region filter, sent to that region's endpoint as
/// S3 requires) and reads each one's default encryption with <c>GetBucketEncryption</c>. A bucket is thus judged once, when
/// its own region is scanned; a bucket in a region that is not scanned is not judged.
/// </summary>
public sealed class S3BucketReader
{
    public const string ListCall = "ListBuckets";
    public const string EncryptionCall = "GetBucketEncryption";

    // A bucket created before S3 encrypted by default, never given a configuration; S3 now applies SSE-S3 to it.
    private const string NoConfiguration = "ServerSideEncryptionConfigurationNotFoundError";

    private readonly IAmazonS3 _s3;
    private readonly RegionContext _region;

    public S3BucketReader(IAmazonS3 s3, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(region);
        _s3 = s3;
        _region = region;
    }

    /// <summary>Each page of the region's bucket names, as soon as it arrives.</summary>
    /// <remarks>A bucket another region reports is dropped: an emulator may ignore the filter.</remarks>
    public async IAsyncEnumerable<IReadOnlyList<string>> PagesAsync()
    {
        string? token = null;
        do
        {
            var request = new ListBucketsRequest { BucketRegion = _region.Region, MaxBuckets = 1000, ContinuationToken = token };
            var page = await _region.Call(AwsService.S3, ListCall, call => _s3.ListBucketsAsync(request, call)).ConfigureAwait(false);
            var names = (page.Buckets ?? [])
                .Where(bucket => string.IsNullOrEmpty(bucket.BucketRegion) || bucket.BucketRegion == _region.Region)
                .Select(bucket => bucket.BucketName)
                .ToList();
            _region.ResourcesFound(names.Count);
            yield return names;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    public string ArnOf(string name) => $"arn:{_region.Partition}:s3:::{name}";

    /// <summary>The bucket, its key named but not yet resolved.</summary>
    public async Task<S3Bucket> ReadAsync(string name)
    {
        ServerSideEncryptionByDefault? defaults;
        try
        {
            var answer = await _region.Call(AwsService.S3, EncryptionCall, token => _s3.GetBucketEncryptionAsync(new GetBucketEncryptionRequest { BucketName = name }, token)).ConfigureAwait(false);
            defaults = answer.ServerSideEncryptionConfiguration?.ServerSideEncryptionRules?.FirstOrDefault()?.ServerSideEncryptionByDefault;
        }
        catch (AwsCallException exception) when (exception.Code == NoConfiguration)
        {
            defaults = null;
        }

        var usesKms = defaults?.ServerSideEncryptionAlgorithm == ServerSideEncryptionMethod.AWSKMS || defaults?.ServerSideEncryptionAlgorithm == ServerSideEncryptionMethod.AWSKMSDSSE;
        var keyId = usesKms && defaults!.ServerSideEncryptionKeyManagementServiceKeyId is { Length: > 0 } key ? key : null;
        return new S3Bucket
        {
            Id = ArnOf(name),
            Name = Fact.Known(name),
            Region = _region.Region,
            Account = _region.Account,
            StorageEncrypted = Fact.Known(true),
            KmsKeyId = Fact.Known(keyId),
            Key = !usesKms ? new KeyReference.AwsOwned()
                : keyId is null ? new KeyReference.ServiceDefault()
                : new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved")),
        };
    }
}
