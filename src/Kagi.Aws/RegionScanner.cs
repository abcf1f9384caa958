using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>What one region gave: its resources, and what could not be read there.</summary>
public sealed record RegionInventory(IReadOnlyList<CloudResource> Resources, IReadOnlyList<UnscannedScope> Unscanned);

/// <summary>
/// Scans one region: Neptune clusters page by page, each cluster's key looked up as soon as its page arrives,
/// so key lookups overlap the remaining pages.
/// </summary>
public sealed class RegionScanner
{
    private readonly NeptuneClusterReader _clusters;
    private readonly KmsKeyResolver _keys;
    private readonly RegionContext _region;

    public RegionScanner(NeptuneClusterReader clusters, KmsKeyResolver keys, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(region);
        _clusters = clusters;
        _keys = keys;
        _region = region;
    }

    public async Task<RegionInventory> ScanAsync()
    {
        var unscanned = new List<UnscannedScope>();
        var found = new List<(RdsCluster Cluster, Task<KeyReference> Key)>();
        try
        {
            await foreach (var page in _clusters.PagesAsync().ConfigureAwait(false))
            {
                found.AddRange(page.Select(cluster => (cluster, KeyOf(cluster))));
            }
        }
        catch (AwsCallException exception)
        {
            // Clusters on the pages already read are still judged; the rest of the region is an ERROR.
            unscanned.Add(Unscanned($"arn:{_region.Partition}:rds:{_region.Region}:{_region.Account}:cluster:*", exception));
        }

        var resources = new List<CloudResource>();
        foreach (var (cluster, key) in found)
        {
            try
            {
                resources.Add(cluster.Cluster with { Key = await key.ConfigureAwait(false) });
            }
            catch (AwsCallException exception)
            {
                unscanned.Add(Unscanned(cluster.Cluster.Id, exception));
            }
        }

        resources.AddRange(_keys.DescribedKeys);
        return new RegionInventory(resources, unscanned);
    }

    private Task<KeyReference> KeyOf(RdsCluster found) => found.Cluster switch
    {
        // An unencrypted cluster has no key to ask about (moto even returns a made-up KmsKeyId for one).
        { StorageEncrypted: { IsKnown: true, Value: false } } => Task.FromResult<KeyReference>(new KeyReference.Undetermined("storage is not encrypted")),
        { KmsKeyId.Value: { Length: > 0 } keyArn } => _keys.ResolveAsync(keyArn),
        { StorageEncrypted.IsKnown: true } => Task.FromResult<KeyReference>(new KeyReference.AwsOwned()),
        var cluster => Task.FromResult<KeyReference>(new KeyReference.Undetermined(cluster.StorageEncrypted.Reason!)),
    };

    private UnscannedScope Unscanned(string resourceId, AwsCallException exception) =>
        new(NeptuneCluster.ResourceType, resourceId, _region.Account, _region.Region, exception.Service.SigningName, exception.Call, exception.Reason);
}
