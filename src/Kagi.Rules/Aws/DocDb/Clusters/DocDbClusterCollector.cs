using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>DocumentDB clusters, listed through the RDS Query API's <c>DescribeDBClusters</c> for the <c>docdb</c> engine.</summary>
public sealed class DocDbClusterCollector : RdsStoreCollector<DocDbCluster>
{
    public override string ResourceType => DocDbCluster.Descriptor.Type;

    protected override RdsListing Listing { get; } = RdsListing.Clusters(RdsEngines.DocumentDb);

    protected override DocDbCluster Create(RdsListedStore listed, KeyReference key)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return new DocDbCluster
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
