using System.Threading.Channels;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>
/// The shape every listed kind is collected in: pages read one after another while listed resources are described (their
/// key, their attributes), so those lookups overlap the remaining pages. At most twice the service's calls in flight are
/// being described at once: the rest wait as the listing gave them, not as thousands of started lookups queued on the
/// service's limit, which the garbage collector would have to trace and promote on every collection. A resource whose
/// description did not carry its tags gets them from the region's tag index.
/// </summary>
public static class LiveListing
{
    /// <summary>Collects one kind from its pages.</summary>
    /// <param name="describe">Finishes a listed resource.</param>
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
        var listed = Channel.CreateUnbounded<Listed<TListed>>(new UnboundedChannelOptions { SingleWriter = true });
        var found = new List<Listed<TListed>>();
        var describers = Enumerable.Range(0, 2 * region.MaxCallsInFlightPerService)
            .Select(_ => DescribeEachAsync(listed.Reader, describe, services.Tags))
            .ToList();
        var (unscanned, notOffered) = await ListAsync(collector, region, pages, found, listed.Writer).ConfigureAwait(false);
        await Task.WhenAll(describers).ConfigureAwait(false);

        var resources = new List<CloudResource>(found.Count);
        foreach (var resource in found)
        {
            if (resource.Failure is { } failure)
            {
                var (id, keyArn) = subject(resource.Item);
                unscanned.AddRange(services.Keys.UnreadWithKey(collector.ResourceType, id, keyArn, failure));
            }
            else
            {
                resources.Add(resource.Described!);
            }
        }

        return new RegionInventory(resources, unscanned) { NotOffered = notOffered };
    }

    /// <summary>Reads every page into <paramref name="found"/> (in listing order) and hands each resource to the describers.</summary>
    private static async Task<(List<UnscannedScope> Unscanned, List<ScanDiagnostic> NotOffered)> ListAsync<TListed>(
        ILiveCollector collector,
        RegionContext region,
        IAsyncEnumerable<IReadOnlyList<TListed>> pages,
        List<Listed<TListed>> found,
        ChannelWriter<Listed<TListed>> describers)
    {
        var unscanned = new List<UnscannedScope>();
        var notOffered = new List<ScanDiagnostic>();
        try
        {
            await foreach (var page in pages.ConfigureAwait(false))
            {
                foreach (var item in page)
                {
                    var resource = new Listed<TListed>(item);
                    found.Add(resource);
                    describers.TryWrite(resource);
                }
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
        finally
        {
            describers.Complete();
        }

        return (unscanned, notOffered);
    }

    private static async Task DescribeEachAsync<TListed>(ChannelReader<Listed<TListed>> listed, Func<TListed, Task<CloudResource>> describe, ResourceTagIndex tags)
    {
        while (await listed.WaitToReadAsync().ConfigureAwait(false))
        {
            while (listed.TryRead(out var resource))
            {
                try
                {
                    var described = await describe(resource.Item).ConfigureAwait(false);
                    resource.Described = described.Tags != CloudResource.TagsNotRead
                        ? described
                        : described with { Tags = await tags.OfAsync(described.Id).ConfigureAwait(false) };
                }
                catch (AwsCallException exception)
                {
                    resource.Failure = exception;
                }
            }
        }
    }

    /// <summary>A listed resource and, once described, what it is or why it could not be read.</summary>
    private sealed class Listed<TListed>(TListed item)
    {
        public TListed Item { get; } = item;

        public CloudResource? Described { get; set; }

        public AwsCallException? Failure { get; set; }
    }
}
