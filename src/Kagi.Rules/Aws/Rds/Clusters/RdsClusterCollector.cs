using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Clusters;

/// <summary>Aurora and Multi-AZ DB clusters, listed with <c>DescribeDBClusters</c> for their engines only.</summary>
public sealed class RdsClusterCollector : RdsStoreCollector<RdsCluster>
{
    public override string ResourceType => RdsCluster.Descriptor.Type;

    protected override RdsListing Listing { get; } = RdsListing.Clusters(RdsEngines.RdsClusters);

    protected override RdsCluster Create(RdsListedStore listed, KeyReference key)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return new RdsCluster
        {
            Id = listed.Arn,
            Name = Fact.Known(listed.Identifier),
            Region = listed.Region,
            Account = listed.Account,
            StorageEncrypted = listed.StorageEncrypted,
            KmsKeyId = listed.KmsKeyId,
            Key = key,
        };
    }
}
