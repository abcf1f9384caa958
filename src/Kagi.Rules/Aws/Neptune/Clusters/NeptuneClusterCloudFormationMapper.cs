using Kagi.CloudFormation.Mapping;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>
/// <c>AWS::Neptune::DBCluster</c>, with the defaults of the Neptune API that CloudFormation calls: storage unencrypted,
/// deletion protection and IAM authentication off, one day of backups, port 8182. Its instances
/// (<c>AWS::Neptune::DBInstance</c>, declared apart) are joined for their Availability Zones. A cluster restored from a
/// snapshot or another cluster is encrypted as its source is unless it names <c>KmsKeyId</c>.
/// </summary>
internal sealed class NeptuneClusterCloudFormationMapper : CloudFormationMapper<NeptuneCluster>
{
    private const string InstanceType = "AWS::Neptune::DBInstance";

    // What a cluster restored from a snapshot, or at a point in time from another cluster, names as its source.
    private static readonly string[] RestoreSources = ["SnapshotIdentifier", "SourceDBClusterIdentifier"];

    public override string ResourceType => NeptuneCluster.Descriptor.Type;

    public override NeptuneCluster Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = DbClusterCloudFormation.Storage(resource, keys, RestoreSources, whenNotSet: Fact.Known(false));
        var own = new DbClusterOwnSettings(
            Engine: Fact.Known<string?>(DbClusterEngine.Neptune.DefaultEngine),
            IamDatabaseAuthentication: TemplateFacts.Bool(resource, "IamAuthEnabled", whenNotSet: false),
            Port: TemplateFacts.Int(resource, "DBPort", whenNotSet: 8182),
            ServerlessV2Scaling: DbClusterCloudFormation.Scaling(resource, "ServerlessScalingConfiguration"));
        return DbClusterCloudFormation.Settings(resource, InstanceType, own).SetOn(new NeptuneCluster
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "DBClusterIdentifier"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
        });
    }

    public override NeptuneCluster Join(NeptuneCluster resource, TemplateScope scope)
    {
        var (multiAz, instances) = DbClusterCloudFormation.Instances(resource, scope, InstanceType);
        return resource with { MultiAz = multiAz, Instances = instances };
    }
}
