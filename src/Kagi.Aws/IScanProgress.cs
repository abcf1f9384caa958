namespace Kagi.Aws;

/// <summary>Hears what a live scan is doing, for a progress display; called from many threads at once.</summary>
public interface IScanProgress
{
    void RegionStarted(string region);

    /// <summary>One API call finished, successfully or not.</summary>
    void CallFinished(string region, AwsService service, string call, bool succeeded);

    /// <summary>
    /// A call (or the next page of a listing) is now under way, waiting for its slot or its answer (<paramref name="change"/>
    /// +1), or no longer (-1, whether a call was made or the listing had no more pages): the calls in flight at any moment.
    /// </summary>
    void CallsUnderWayChanged(string region, int change)
    {
    }

    /// <summary>A collector found <paramref name="count"/> more resources of its kind (<paramref name="resourceType"/>, e.g. <c>AWS::Neptune::DBCluster</c>).</summary>
    void ResourcesFound(string region, string resourceType, int count);

    void RegionFinished(string region, int failures);

    /// <summary>An organization scan chose the <paramref name="count"/> accounts it will scan.</summary>
    void AccountsChosen(int count)
    {
    }

    /// <summary>
    /// An account of an organization scan starts (<paramref name="account"/> as reports label it): its calls and regions
    /// are reported to the progress returned. By default this one, for a display that only counts.
    /// </summary>
    IScanProgress AccountStarted(string account) => this;

    /// <summary>An account of an organization scan is done; <paramref name="unread"/> of its scopes could not be read, each an ERROR.</summary>
    void AccountFinished(string account, int unread)
    {
    }
}

/// <summary>Hears nothing: a scan shown by no display (<c>--quiet</c>, a benchmark).</summary>
public sealed class SilentProgress : IScanProgress
{
    public void RegionStarted(string region)
    {
    }

    public void CallFinished(string region, AwsService service, string call, bool succeeded)
    {
    }

    public void ResourcesFound(string region, string resourceType, int count)
    {
    }

    public void RegionFinished(string region, int failures)
    {
    }
}
