using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>
/// <c>AWS::DocDB::DBCluster</c>, as <see cref="DocDbClusterTerraformMapper"/> maps <c>aws_docdb_cluster</c>:
/// <c>StorageEncrypted</c> defaults to false, and encryption without <c>KmsKeyId</c> uses <c>aws/rds</c>. A cluster
/// restored from a snapshot or to a point in time is encrypted with <c>KmsKeyId</c> when one is named, and otherwise as
/// its source is.
/// </summary>
internal sealed class DocDbClusterCloudFormationMapper : CloudFormationMapper<DocDbCluster>
{
    // What a cluster restored from a snapshot, or at a point in time from another cluster, names as its source.
    private static readonly string[] RestoreSources = ["SnapshotIdentifier", "SourceDBClusterIdentifier"];

    public override string ResourceType => DocDbCluster.Descriptor.Type;

    public override DocDbCluster Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = DbClusterCloudFormation.Storage(resource, keys, RestoreSources, whenNotSet: Fact.Known(false));
        return new DocDbCluster
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "DBClusterIdentifier"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
        };
    }
}
