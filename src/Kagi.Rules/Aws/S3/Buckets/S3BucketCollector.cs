using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.S3.Buckets;

/// <summary>S3 buckets of one region: listed page by page, each one's default encryption read and its key looked up as soon as its page arrives.</summary>
public sealed class S3BucketCollector : ILiveCollector
{
    public string ResourceType => S3Bucket.Descriptor.Type;

    public AwsService Service => AwsService.S3;

    public IReadOnlyList<string> Calls { get; } = [S3BucketReader.ListCall, S3BucketReader.EncryptionCall];

    // Bucket ARNs name neither region nor account; the scope of one region's buckets of one account has to.
    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:s3:{region}:{account}:bucket/*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var reader = new S3BucketReader(services.Clients.S3(region.Region), region);
        return this.CollectPagesAsync(region, services, reader.PagesAsync(), ReadAsync, name => (reader.ArnOf(name), null));

        async Task<CloudResource> ReadAsync(string name)
        {
            var bucket = await reader.ReadAsync(name).ConfigureAwait(false);
            return bucket.KmsKeyId.Value is { } keyId ? bucket with { Key = await services.Keys.ResolveAsync(keyId).ConfigureAwait(false) } : bucket;
        }
    }
}
