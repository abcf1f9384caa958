using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>
/// The shape every listed kind is collected in: pages read one after another, each resource's description (its key, its
/// attributes) started as soon as its page arrives, so those lookups overlap the remaining pages. A resource whose
/// description did not carry its tags gets them from the region's tag index.
/// </summary>
public static class LiveListing
{
    /// <summary>Collects one kind from its pages.</summary>
    /// <param name="describe">Finishes a listed resource; started as soon as its page arrives.</param>
    /// <param name="subject">The listed resource's ID and key ARN, for the ERROR of one whose description failed.</param>
    public static async Task<RegionInventory> CollectPagesAsync<TListed>(
        this ILiveCollector collector,
        RegionContext region,
        RegionServices services,
        IAsyncEnumerable<IReadOnlyList<TListed>> pages,
        Func<TListed, Task<CloudResource>> describe,
        Func<TListed, (string Id, string? KeyArn)> subject)
    {
        ArgumentNullException.ThrowIfNull(collector);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(subject);
        var unscanned = new List<UnscannedScope>();
        var notOffered = new List<ScanDiagnostic>();
        var found = new List<(TListed Listed, Task<CloudResource> Described)>();
        try
        {
            await foreach (var page in pages.ConfigureAwait(false))
            {
                found.AddRange(page.Select(listed => (listed, DescribeWithTagsAsync(listed, describe, services.Tags))));
            }
        }
        catch (AwsCallException exception) when (exception.ServiceNotOffered)
        {
            // Nothing of the kind can exist where its service is not offered: a note, not an ERROR that fails CI.
            notOffered.Add(new ScanDiagnostic(
                DiagnosticSeverity.Warning,
                Texts.Canonical(
                    "reasons.kind-not-offered",
                    ("kind", collector.ResourceType),
                    ("account", region.Account),
                    ("region", region.Region),
                    ("service", exception.Service.SigningName),
                    ("call", exception.Call),
                    ("code", exception.Code))));
        }
        catch (AwsCallException exception)
        {
            // Resources on the pages already read are still judged; the rest of the region is an ERROR.
            unscanned.Add(region.Unscanned(collector.ResourceType, collector.WildcardArn(region.Partition, region.Region, region.Account), exception));
        }

        var resources = new List<CloudResource>();
        foreach (var (listed, described) in found)
        {
            try
            {
                resources.Add(await described.ConfigureAwait(false));
            }
            catch (AwsCallException exception)
            {
                var (id, keyArn) = subject(listed);
                unscanned.AddRange(services.Keys.UnreadWithKey(collector.ResourceType, id, keyArn, exception));
            }
        }

        return new RegionInventory(resources, unscanned) { NotOffered = notOffered };
    }

    private static async Task<CloudResource> DescribeWithTagsAsync<TListed>(TListed listed, Func<TListed, Task<CloudResource>> describe, ResourceTagIndex tags)
    {
        var resource = await describe(listed).ConfigureAwait(false);
        return resource.Tags != CloudResource.TagsNotRead ? resource : resource with { Tags = await tags.OfAsync(resource.Id).ConfigureAwait(false) };
    }
}
