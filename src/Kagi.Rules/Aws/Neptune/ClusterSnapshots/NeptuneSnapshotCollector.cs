using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.ClusterSnapshots;

/// <summary>
/// Neptune cluster snapshots: listed page by page with <c>DescribeDBClusterSnapshots</c>; each one's key and, for a
/// manual one, who may restore it are asked as soon as its page names it.
/// </summary>
public sealed class NeptuneSnapshotCollector : ILiveCollector
{
    public string ResourceType => NeptuneClusterSnapshot.Descriptor.Type;

    public AwsService Service => AwsService.Rds;

    public IReadOnlyList<string> Calls { get; } = [NeptuneSnapshotReader.Call, NeptuneSnapshotReader.AttributesCall];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:rds:{region}:{account}:cluster-snapshot:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var reader = new NeptuneSnapshotReader(services.Clients.Rds(region.Region), region);
        return this.CollectPagesAsync(region, services, reader.PagesAsync(), DescribeAsync, listed => (listed.Snapshot.Id, listed.KmsKeyId));

        async Task<CloudResource> DescribeAsync(ListedNeptuneSnapshot listed)
        {
            // Both questions are asked at once; the key is awaited first, as its failure also names the key.
            var key = services.Keys.ResolveStorageKeyAsync(listed.Snapshot.StorageEncrypted, listed.KmsKeyId);
            var sharedWithAll = reader.SharedWithAllAsync(listed);
            return listed.Snapshot with { Key = await key.ConfigureAwait(false), SharedWithAll = await sharedWithAll.ConfigureAwait(false) };
        }
    }
}
