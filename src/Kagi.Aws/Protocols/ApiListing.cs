namespace Kagi.Aws.Protocols;

/// <summary>
/// What a collector of a kind served by a protocol client reads: the pages of a listing in one region, each call reported
/// to the progress display, each page's items mapped to resources as the page arrives. A failed call throws its
/// <see cref="AwsCallException"/>, which <see cref="LiveListing.CollectPagesAsync{TListed}"/> turns into the ERROR scope.
/// </summary>
public static class ApiListing
{
    /// <summary>The items of one list member of every page, mapped by <paramref name="read"/>, page by page.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<T>> ItemPagesAsync<T>(
        this AwsApiClient client,
        RegionContext region,
        AwsOperation operation,
        string list,
        Func<AwsAnswer, T> read,
        IReadOnlyList<KeyValuePair<string, object>> input)
    {
        ArgumentNullException.ThrowIfNull(read);
        await foreach (var page in client.PagesAsync(region, operation, input).ConfigureAwait(false))
        {
            var items = page.Items(list).Select(read).ToList();
            region.ResourcesFound(items.Count);
            yield return items;
        }
    }

    /// <summary>Every page of a paginated operation in one region, each call reported whether it succeeded or not.</summary>
    public static IAsyncEnumerable<AwsAnswer> PagesAsync(this AwsApiClient client, RegionContext region, AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(operation);
        return client.PagesAsync(operation, input, region.CancellationToken).Reported(region, operation.Api.Service, operation.Name);
    }

    /// <summary>Pages of any client, each call that fetched one reported to the region's progress display, as is the call that failed.</summary>
    public static async IAsyncEnumerable<T> Reported<T>(this IAsyncEnumerable<T> pages, RegionContext region, AwsService service, string call)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(region);
        var enumerator = pages.GetAsyncEnumerator(region.CancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                bool hasPage;
                try
                {
                    using var underWay = region.CallUnderWay();
                    hasPage = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (AwsCallException)
                {
                    region.CallFinished(service, call, succeeded: false);
                    throw;
                }

                if (!hasPage)
                {
                    yield break;
                }

                region.CallFinished(service, call, succeeded: true);
                yield return enumerator.Current;
            }
        }
    }

    /// <summary>One call in one region, within the region's in-flight limit for the service, and reported.</summary>
    public static Task<AwsAnswer> CallAsync(this AwsApiClient client, RegionContext region, AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(operation);
        return region.Call(operation.Api.Service, operation.Name, token => client.CallAsync(operation, input, token));
    }
}
