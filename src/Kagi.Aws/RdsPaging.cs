using System.Xml.Linq;
using Kagi.Aws.Protocols;

namespace Kagi.Aws;

/// <summary>Pages of an RDS Query listing in one region, one after another as <c>Marker</c> paging requires, each reported to the progress display.</summary>
public static class RdsPaging
{
    public static IAsyncEnumerable<XElement> PagesAsync(this RdsQueryClient rds, RegionContext region, string call, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(rds);
        ArgumentNullException.ThrowIfNull(region);
        return rds.PagesAsync(call, parameters, region.CancellationToken).Reported(region, AwsService.Rds, call);
    }
}
