using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>Neptune clusters: listed page by page with <c>DescribeDBClusters</c> (their instances with <c>DescribeDBInstances</c>), each key looked up as soon as its page names it.</summary>
public sealed class NeptuneClusterCollector : ILiveCollector
{
    public string ResourceType => NeptuneCluster.Descriptor.Type;

    public AwsService Service => AwsService.Rds;

    public IReadOnlyList<string> Calls { get; } = [NeptuneClusterReader.Call];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:rds:{region}:{account}:cluster:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var reader = new NeptuneClusterReader(services.Clients.Rds(region.Region), region);
        return this.CollectPagesAsync(
            region,
            services,
            reader.PagesAsync(),
            async cluster => cluster with { Key = await services.Keys.ResolveStorageKeyAsync(cluster.StorageEncrypted, cluster.KmsKeyId.Value).ConfigureAwait(false) },
            cluster => (cluster.Id, cluster.KmsKeyId.Value));
    }
}
