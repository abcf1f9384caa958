namespace Kagi.Aws;

/// <summary>Hears what a live scan is doing, for a progress display; called from many threads at once.</summary>
public interface IScanProgress
{
    void RegionStarted(string region);

    /// <summary>One API call finished, successfully or not.</summary>
    void CallFinished(string region, AwsService service, string call, bool succeeded);

    /// <summary>A collector found <paramref name="count"/> more resources of its kind (<paramref name="resourceType"/>, e.g. <c>AWS::Neptune::DBCluster</c>).</summary>
    void ResourcesFound(string region, string resourceType, int count);

    void RegionFinished(string region, int failures);
}
