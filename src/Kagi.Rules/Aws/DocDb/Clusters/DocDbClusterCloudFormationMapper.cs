using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.DocDb.Clusters;

/// <summary>
/// <c>AWS::DocDB::DBCluster</c>, as <see cref="DocDbClusterTerraformMapper"/> maps <c>aws_docdb_cluster</c>:
/// <c>StorageEncrypted</c> defaults to false, and encryption without <c>KmsKeyId</c> uses <c>aws/rds</c>. A cluster
/// restored from a snapshot or to a point in time is encrypted with <c>KmsKeyId</c> when one is named, and otherwise as
/// its source is. The port defaults to 27017. Its instances (<c>AWS::DocDB::DBInstance</c>, declared apart) are joined for
/// the rebuild.
/// </summary>
internal sealed class DocDbClusterCloudFormationMapper : CloudFormationMapper<DocDbCluster>
{
    private const string InstanceType = "AWS::DocDB::DBInstance";

    // What a cluster restored from a snapshot, or at a point in time from another cluster, names as its source.
    private static readonly string[] RestoreSources = ["SnapshotIdentifier", "SourceDBClusterIdentifier"];

    public override string ResourceType => DocDbCluster.Descriptor.Type;

    public override DocDbCluster Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = DbClusterCloudFormation.Storage(resource, keys, RestoreSources, whenNotSet: Fact.Known(false));
        var own = new DbClusterOwnSettings(
            Engine: Fact.Known<string?>(DbClusterEngine.DocumentDb.DefaultEngine),
            IamDatabaseAuthentication: Fact.Known(false),
            Port: TemplateFacts.Int(resource, "Port", whenNotSet: DbClusterEngine.DocumentDb.DefaultPort(DbClusterEngine.DocumentDb.DefaultEngine!)),
            ServerlessV2Scaling: DbClusterCloudFormation.Scaling(resource, "ServerlessV2ScalingConfiguration"));
        return DbClusterCloudFormation.Settings(resource, InstanceType, own).SetOn(new DocDbCluster
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "DBClusterIdentifier"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
        });
    }

    public override DocDbCluster Join(DocDbCluster resource, TemplateScope scope)
    {
        var (multiAz, instances) = DbClusterCloudFormation.Instances(resource, scope, InstanceType);
        return resource with { MultiAz = multiAz, Instances = instances };
    }
}
