using System.Xml.Linq;

namespace Kagi.Aws;

/// <summary>Pages of an RDS Query listing in one region, one after another as <c>Marker</c> paging requires, each reported to the progress display.</summary>
public static class RdsPaging
{
    public static async IAsyncEnumerable<XElement> PagesAsync(this RdsQueryClient rds, RegionContext region, string call, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        var pages = rds.PagesAsync(call, parameters, region.CancellationToken).GetAsyncEnumerator(region.CancellationToken);
        await using (pages.ConfigureAwait(false))
        {
            while (true)
            {
                bool hasPage;
                try
                {
                    hasPage = await pages.MoveNextAsync().ConfigureAwait(false);
                }
                catch (AwsCallException)
                {
                    region.CallFinished(AwsService.Rds, call, succeeded: false);
                    throw;
                }

                if (!hasPage)
                {
                    yield break;
                }

                region.CallFinished(AwsService.Rds, call, succeeded: true);
                yield return pages.Current;
            }
        }
    }
}
