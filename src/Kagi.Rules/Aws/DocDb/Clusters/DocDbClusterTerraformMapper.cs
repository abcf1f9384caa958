using Kagi.Core.Model;
using Kagi.Terraform.Mapping;

namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>
/// <c>aws_docdb_cluster</c>: <c>storage_encrypted</c> defaults to false, and encryption without <c>kms_key_id</c> uses
/// <c>aws/rds</c>, the RDS service's key that DocumentDB shares. A cluster restored from a snapshot or to a point in time
/// is encrypted with <c>kms_key_id</c> when one is named, and otherwise as its source is. Its instances
/// (<c>aws_docdb_cluster_instance</c>, declared apart) are joined for the rebuild.
/// </summary>
internal sealed class DocDbClusterTerraformMapper : ResourceMapper<DocDbCluster>
{
    private const string KeyArgument = "kms_key_id";

    public override string TerraformType => DbClusterEngine.DocumentDb.ClusterType;

    public override DocDbCluster Map(IResourceView view, KeyResolver keys)
    {
        var (encrypted, key) = RdsStorageMapping.Cluster(view, keys, KeyArgument, whenNotSet: Fact.Known(false));
        return DbClusterTerraform.Settings(view, DbClusterEngine.DocumentDb).SetOn(new DocDbCluster
        {
            Id = view.Address,
            Name = Facts.Name(view, "cluster_identifier", "cluster_identifier_prefix"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = Facts.OptionalString(view, KeyArgument),
            Key = key,
        });
    }

    public override DocDbCluster Join(DocDbCluster resource, JoinScope scope)
    {
        var (multiAz, instances) = DbClusterTerraform.Instances(resource, scope, DbClusterEngine.DocumentDb);
        return resource with { MultiAz = multiAz ?? resource.MultiAz, Instances = instances };
    }
}
