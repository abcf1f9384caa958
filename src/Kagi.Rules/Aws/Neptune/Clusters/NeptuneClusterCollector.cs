using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>Neptune clusters: listed page by page with <c>DescribeDBClusters</c> (their instances with <c>DescribeDBInstances</c>), each key looked up as soon as its page names it.</summary>
public sealed class NeptuneClusterCollector : DbClusterCollector<NeptuneCluster>
{
    public override string ResourceType => NeptuneCluster.Descriptor.Type;

    protected override DbClusterEngine Engine => DbClusterEngine.Neptune;

    protected override NeptuneCluster Create(RdsListedStore listed, DbClusterSettings settings, KeyReference key)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetOn(new NeptuneCluster
        {
            Id = listed.Arn,
            Name = Fact.Known(listed.Identifier),
            Region = listed.Region,
            Account = listed.Account,
            StorageEncrypted = listed.StorageEncrypted,
            KmsKeyId = listed.KmsKeyId,
            Key = key,
        });
    }
}
