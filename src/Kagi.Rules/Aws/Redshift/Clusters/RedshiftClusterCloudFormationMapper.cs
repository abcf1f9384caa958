using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Redshift.Clusters;

/// <summary>
/// <c>AWS::Redshift::Cluster</c>, as <see cref="RedshiftClusterTerraformMapper"/> maps <c>aws_redshift_cluster</c>:
/// <c>CreateCluster</c> encrypts by default, so a cluster that does not say is encrypted, under <c>aws/redshift</c> unless
/// <c>KmsKeyId</c> names a key; only an explicit <c>Encrypted: false</c> is unencrypted. A cluster restored from a snapshot
/// is encrypted with <c>KmsKeyId</c> when one is named, and otherwise as the snapshot is.
/// </summary>
internal sealed class RedshiftClusterCloudFormationMapper : CloudFormationMapper<RedshiftCluster>
{
    // What a cluster restored from a snapshot names as its source.
    private static readonly string[] RestoreSources = ["SnapshotIdentifier"];

    public override string ResourceType => RedshiftCluster.Descriptor.Type;

    public override RedshiftCluster Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = DbClusterCloudFormation.Storage(resource, keys, RestoreSources, whenNotSet: Fact.Known(true), encryptedProperty: "Encrypted");
        return new RedshiftCluster
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "ClusterIdentifier"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
        };
    }
}
