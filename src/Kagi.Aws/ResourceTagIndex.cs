using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>
/// The tags of one region's resources, for kinds whose listing leaves them out (Neptune's <c>DescribeDBClusters</c>
/// does): one paged <c>GetResources</c> of the Resource Groups Tagging API for the region, not one
/// <c>ListTagsForResource</c> per resource, made when a collector first asks and shared by every collector after it.
/// A resource the answer leaves out has no tags (the API lists only resources tagged now or before). When the listing
/// fails, every resource's tags are unknown with the reason: the resources are still judged, never dropped.
/// </summary>
public sealed class ResourceTagIndex
{
    public const string Call = "GetResources";

    // The most the API allows per page.
    private const int PageSize = 100;

    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    private readonly AwsClientFactory _clients;
    private readonly RegionContext _region;
    private readonly IReadOnlyList<string> _resourceTypes;
    private readonly Lazy<Task<Fact<Dictionary<string, IReadOnlyDictionary<string, string>>>>> _tags;

    /// <param name="resourceTypes">The tagging API's resource types to ask for, e.g. <c>rds:cluster</c> (<see cref="ResourceTypeOf"/>).</param>
    public ResourceTagIndex(AwsClientFactory clients, RegionContext region, IReadOnlyList<string> resourceTypes)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(resourceTypes);
        _clients = clients;
        _region = region;
        _resourceTypes = resourceTypes;
        _tags = new(ReadAsync);
    }

    /// <summary>The tagging API's resource type of what a wildcard ARN covers: <c>arn:aws:rds:r:a:cluster:*</c> → <c>rds:cluster</c>.</summary>
    public static string ResourceTypeOf(string wildcardArn)
    {
        ArgumentNullException.ThrowIfNull(wildcardArn);
        var parts = wildcardArn.Split(':', 6);
        if (parts.Length < 6)
        {
            throw new ArgumentException($"'{wildcardArn}' is not an ARN", nameof(wildcardArn));
        }

        var resource = parts[5].Split(':', '/')[0];
        return resource is "*" or "" ? parts[2] : $"{parts[2]}:{resource}";
    }

    /// <summary>
    /// The tags of the resource with this ARN: known (empty when it has none), or unknown when the region's tags could
    /// not be read or the resource is another account's (a snapshot shared with this one), which the listing leaves out.
    /// </summary>
    public async Task<Fact<IReadOnlyDictionary<string, string>>> OfAsync(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        // An ARN without an account (an S3 bucket's) is global to the partition, not another account's.
        if (arn.Split(':') is [_, _, _, _, { Length: > 0 } owner, ..] && owner != _region.Account)
        {
            return Fact.Unknown<IReadOnlyDictionary<string, string>>(Texts.Canonical("reasons.tags-other-account", ("resource", arn), ("account", owner)));
        }

        var tags = await _tags.Value.ConfigureAwait(false);
        return tags.IsKnown
            ? Fact.Known(tags.Value.TryGetValue(arn, out var found) ? found : None)
            : Fact.Unknown<IReadOnlyDictionary<string, string>>(tags.Reason!);
    }

    private async Task<Fact<Dictionary<string, IReadOnlyDictionary<string, string>>>> ReadAsync()
    {
        var byArn = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var service = AwsApi.Tagging.Service;
        try
        {
            var client = _clients.Api(AwsApi.Tagging, _region.Region);
            var pages = client.PagesAsync(
                AwsOperations.TaggingGetResources,
                [new("ResourcesPerPage", PageSize), new("ResourceTypeFilters", _resourceTypes)],
                _region.CancellationToken).GetAsyncEnumerator(_region.CancellationToken);
            await using (pages.ConfigureAwait(false))
            {
                while (await NextPageAsync(pages).ConfigureAwait(false))
                {
                    foreach (var mapping in pages.Current.Items("ResourceTagMappingList"))
                    {
                        if (mapping.Text("ResourceARN") is { } arn)
                        {
                            byArn[arn] = mapping.Items("Tags").Where(tag => tag.Text("Key") is not null)
                                .ToDictionary(tag => tag.Text("Key")!, tag => tag.Text("Value") ?? string.Empty, StringComparer.Ordinal);
                        }
                    }
                }
            }

            return Fact.Known(byArn);
        }
        catch (AwsCallException exception)
        {
            return Fact.Unknown<Dictionary<string, IReadOnlyDictionary<string, string>>>(Texts.Canonical("reasons.tags-not-read", ("failure", _region.Failed(exception))));
        }

        // Each page is reported to the progress display as one call, as the RDS listings' are.
        async Task<bool> NextPageAsync(IAsyncEnumerator<AwsAnswer> enumerator)
        {
            try
            {
                bool more;
                using (_region.CallUnderWay())
                {
                    more = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }

                if (more)
                {
                    _region.CallFinished(service, Call, succeeded: true);
                }

                return more;
            }
            catch (AwsCallException)
            {
                _region.CallFinished(service, Call, succeeded: false);
                throw;
            }
        }
    }
}
