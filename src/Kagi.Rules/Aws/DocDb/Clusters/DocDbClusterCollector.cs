using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>DocumentDB clusters, listed with <c>DescribeDBClusters</c> for the <c>docdb</c> engine (their instances with <c>DescribeDBInstances</c>).</summary>
public sealed class DocDbClusterCollector : DbClusterCollector<DocDbCluster>
{
    public override string ResourceType => DocDbCluster.Descriptor.Type;

    protected override DbClusterEngine Engine => DbClusterEngine.DocumentDb;

    protected override DocDbCluster Create(RdsListedStore listed, DbClusterSettings settings, KeyReference key)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.SetOn(new DocDbCluster
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
