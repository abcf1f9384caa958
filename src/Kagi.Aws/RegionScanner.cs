using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>What one region gave: its resources, and what could not be read there.</summary>
public sealed record RegionInventory(IReadOnlyList<CloudResource> Resources, IReadOnlyList<UnscannedScope> Unscanned);

/// <summary>
/// Scans one region: Neptune clusters and cluster snapshots, each listing page by page and the two side by side;
/// each key is looked up as soon as a page names it, so key lookups overlap the remaining pages.
/// </summary>
public sealed class RegionScanner
{
    private readonly NeptuneClusterReader _clusters;
    private readonly NeptuneSnapshotReader _snapshots;
    private readonly KmsKeyResolver _keys;
    private readonly RegionContext _region;

    public RegionScanner(NeptuneClusterReader clusters, NeptuneSnapshotReader snapshots, KmsKeyResolver keys, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(region);
        _clusters = clusters;
        _snapshots = snapshots;
        _keys = keys;
        _region = region;
    }

    public async Task<RegionInventory> ScanAsync()
    {
        var clusters = ScanClustersAsync();
        var snapshots = ScanSnapshotsAsync();
        var parts = await Task.WhenAll(clusters, snapshots).ConfigureAwait(false);
        return new RegionInventory(
            [.. parts.SelectMany(part => part.Resources), .. _keys.DescribedKeys],
            [.. parts.SelectMany(part => part.Unscanned).DistinctBy(scope => (scope.ResourceType, scope.ResourceId))]);
    }

    private async Task<RegionInventory> ScanClustersAsync()
    {
        var unscanned = new List<UnscannedScope>();
        var found = new List<(NeptuneCluster Cluster, Task<KeyReference> Key)>();
        try
        {
            await foreach (var page in _clusters.PagesAsync().ConfigureAwait(false))
            {
                found.AddRange(page.Select(cluster => (cluster, KeyOf(cluster.StorageEncrypted, cluster.KmsKeyId.Value))));
            }
        }
        catch (AwsCallException exception)
        {
            // Clusters on the pages already read are still judged; the rest of the region is an ERROR.
            unscanned.Add(Unscanned(NeptuneCluster.ResourceType, Wildcard("cluster"), exception));
        }

        var resources = new List<CloudResource>();
        foreach (var (cluster, key) in found)
        {
            try
            {
                resources.Add(cluster with { Key = await key.ConfigureAwait(false) });
            }
            catch (AwsCallException exception)
            {
                unscanned.AddRange(UnreadWithKey(NeptuneCluster.ResourceType, cluster.Id, cluster.KmsKeyId.Value, exception));
            }
        }

        return new RegionInventory(resources, unscanned);
    }

    private async Task<RegionInventory> ScanSnapshotsAsync()
    {
        var unscanned = new List<UnscannedScope>();
        var found = new List<(NeptuneClusterSnapshot Snapshot, Task<KeyReference> Key, Task<Fact<bool>> SharedWithAll, string? KeyArn)>();
        try
        {
            await foreach (var page in _snapshots.PagesAsync().ConfigureAwait(false))
            {
                found.AddRange(page.Select(snapshot => (snapshot.Snapshot, KeyOf(snapshot.Snapshot.StorageEncrypted, snapshot.KmsKeyId), _snapshots.SharedWithAllAsync(snapshot), snapshot.KmsKeyId)));
            }
        }
        catch (AwsCallException exception)
        {
            unscanned.Add(Unscanned(NeptuneClusterSnapshot.ResourceType, Wildcard("cluster-snapshot"), exception));
        }

        var resources = new List<CloudResource>();
        foreach (var (snapshot, key, sharedWithAll, keyArn) in found)
        {
            try
            {
                resources.Add(snapshot with { Key = await key.ConfigureAwait(false), SharedWithAll = await sharedWithAll.ConfigureAwait(false) });
            }
            catch (AwsCallException exception)
            {
                unscanned.AddRange(UnreadWithKey(NeptuneClusterSnapshot.ResourceType, snapshot.Id, keyArn, exception));
            }
        }

        return new RegionInventory(resources, unscanned);
    }

    private Task<KeyReference> KeyOf(Fact<bool> encrypted, string? kmsKeyId) => (encrypted, kmsKeyId) switch
    {
        // Unencrypted storage has no key to ask about (moto even returns a made-up KmsKeyId for it).
        ({ IsKnown: true, Value: false }, _) => Task.FromResult<KeyReference>(new KeyReference.Undetermined("storage is not encrypted")),
        (_, { Length: > 0 } keyArn) => _keys.ResolveAsync(keyArn),
        ({ IsKnown: true }, _) => Task.FromResult<KeyReference>(new KeyReference.AwsOwned()),
        _ => Task.FromResult<KeyReference>(new KeyReference.Undetermined(encrypted.Reason!)),
    };

    // When KMS failed, the key went unread too: the KMS rules report it as well as the resource's rules.
    private IEnumerable<UnscannedScope> UnreadWithKey(string resourceType, string resourceId, string? keyArn, AwsCallException exception)
    {
        yield return Unscanned(resourceType, resourceId, exception);
        if (exception.Service == AwsService.Kms && !string.IsNullOrEmpty(keyArn))
        {
            yield return Unscanned(KmsKey.ResourceType, keyArn, exception);
        }
    }

    private string Wildcard(string resource) => $"arn:{_region.Partition}:rds:{_region.Region}:{_region.Account}:{resource}:*";

    private UnscannedScope Unscanned(string resourceType, string resourceId, AwsCallException exception) =>
        new(resourceType, resourceId, _region.Account, _region.Region, exception.Service.SigningName, exception.Call, exception.Reason);
}
