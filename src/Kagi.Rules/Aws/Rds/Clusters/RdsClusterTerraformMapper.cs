using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Rds.Clusters;

/// <summary>
/// <c>aws_rds_cluster</c>, Aurora and Multi-AZ DB clusters (the provider accepts no Neptune or DocumentDB engine here).
/// <c>storage_encrypted</c> defaults to false, except for Aurora Serverless v1 (<c>engine_mode = "serverless"</c>), which
/// is always encrypted; encryption without <c>kms_key_id</c> uses <c>aws/rds</c>. A cluster restored from a snapshot or to
/// a point in time is encrypted with <c>kms_key_id</c> when one is named, and otherwise as its source is. Its instances
/// (<c>aws_rds_cluster_instance</c>, declared apart) are joined for the rebuild.
/// </summary>
internal sealed class RdsClusterTerraformMapper : ResourceMapper<RdsCluster>
{
    private const string KeyArgument = "kms_key_id";

    public override string TerraformType => DbClusterEngine.Rds.ClusterType;

    public override RdsCluster Map(IResourceView view, KeyResolver keys)
    {
        var (encrypted, key) = RdsStorageMapping.Cluster(view, keys, KeyArgument, EncryptedWhenNotSet(view));
        return DbClusterTerraform.Settings(view, DbClusterEngine.Rds).SetOn(new RdsCluster
        {
            Id = view.Address,
            Name = Facts.Name(view, "cluster_identifier", "cluster_identifier_prefix"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = Facts.OptionalString(view, KeyArgument),
            Key = key,
        });
    }

    public override RdsCluster Join(RdsCluster resource, JoinScope scope)
    {
        var (multiAz, instances) = DbClusterTerraform.Instances(resource, scope, DbClusterEngine.Rds);
        return resource with { MultiAz = multiAz ?? resource.MultiAz, Instances = instances };
    }

    private static Fact<bool> EncryptedWhenNotSet(IResourceView view) => view.Get("engine_mode") switch
    {
        TfString { Value: "serverless" } => Fact.Known(true),
        TfUnknown unknown => Fact.Unknown<bool>(unknown.Reason),
        _ => Fact.Known(false),
    };
}
