namespace Kagi.Aws;

/// <summary>
/// Scans one region: every collector side by side, each listing its kind page by page; the keys they name are looked
/// up once each, shared between them.
/// </summary>
public sealed class RegionScanner
{
    private readonly IReadOnlyList<ILiveCollector> _collectors;
    private readonly RegionServices _services;
    private readonly RegionContext _region;

    public RegionScanner(IReadOnlyList<ILiveCollector> collectors, RegionServices services, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(collectors);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(region);
        _collectors = collectors;
        _services = services;
        _region = region;
    }

    public async Task<RegionInventory> ScanAsync()
    {
        var parts = await Task.WhenAll(_collectors.Select(collector => collector.CollectAsync(_region.ForKind(collector.ResourceType), _services))).ConfigureAwait(false);
        var resources = parts.SelectMany(part => part.Resources).ToList();

        // The key collector lists the region's own keys; resources may name others (another account's): each key once.
        var listed = resources.OfType<Core.Model.KmsKey>().Select(key => key.Id).ToHashSet(StringComparer.Ordinal);
        return new RegionInventory(
            [.. resources, .. _services.Keys.DescribedKeys.Where(key => !listed.Contains(key.Id))],

            // A key two kinds share, unread, is one ERROR.
            [.. parts.SelectMany(part => part.Unscanned).DistinctBy(scope => (scope.ResourceType, scope.ResourceId))])
        {
            NotOffered = [.. parts.SelectMany(part => part.NotOffered)],
        };
    }
}
