using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Clusters;

/// <summary>Aurora and Multi-AZ DB clusters, listed with <c>DescribeDBClusters</c> for their engines only (their instances with <c>DescribeDBInstances</c>).</summary>
public sealed class RdsClusterCollector : DbClusterCollector<RdsCluster>
{
    public override string ResourceType => RdsCluster.Descriptor.Type;

    protected override DbClusterEngine Engine => DbClusterEngine.Rds;

    protected override RdsCluster Create(RdsListedStore listed, DbClusterSettings settings, KeyReference key)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetOn(new RdsCluster
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
