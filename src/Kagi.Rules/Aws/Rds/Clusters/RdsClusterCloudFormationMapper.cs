using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Clusters;

/// <summary>
/// <c>AWS::RDS::DBCluster</c>, Aurora and Multi-AZ DB clusters, as <see cref="RdsClusterTerraformMapper"/> maps
/// <c>aws_rds_cluster</c>: <c>StorageEncrypted</c> defaults to false, except for Aurora Serverless v1
/// (<c>EngineMode: serverless</c>), which is always encrypted; encryption without <c>KmsKeyId</c> uses <c>aws/rds</c>. A
/// cluster restored from a snapshot or to a point in time is encrypted with <c>KmsKeyId</c> when one is named, and
/// otherwise as its source is. The port defaults to the engine's. Its instances (<c>AWS::RDS::DBInstance</c> naming it in
/// <c>DBClusterIdentifier</c>) are joined for the rebuild.
/// </summary>
internal sealed class RdsClusterCloudFormationMapper : CloudFormationMapper<RdsCluster>
{
    private const string InstanceType = "AWS::RDS::DBInstance";

    // What a cluster restored from a snapshot, or at a point in time from another cluster, names as its source.
    private static readonly string[] RestoreSources = ["SnapshotIdentifier", "SourceDBClusterIdentifier", "SourceDbClusterResourceId"];

    public override string ResourceType => RdsCluster.Descriptor.Type;

    public override RdsCluster Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = DbClusterCloudFormation.Storage(resource, keys, RestoreSources, EncryptedWhenNotSet(resource));
        var engine = TemplateFacts.OptionalString(resource, "Engine");
        var own = new DbClusterOwnSettings(
            Engine: engine,
            IamDatabaseAuthentication: TemplateFacts.Bool(resource, "EnableIAMDatabaseAuthentication", whenNotSet: false),
            Port: Port(resource, engine),
            ServerlessV2Scaling: DbClusterCloudFormation.Scaling(resource, "ServerlessV2ScalingConfiguration"));
        return DbClusterCloudFormation.Settings(resource, InstanceType, own).SetOn(new RdsCluster
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "DBClusterIdentifier"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
        });
    }

    public override RdsCluster Join(RdsCluster resource, TemplateScope scope)
    {
        var (multiAz, instances) = DbClusterCloudFormation.Instances(resource, scope, InstanceType);
        return resource with { MultiAz = multiAz, Instances = instances };
    }

    private static Fact<bool> EncryptedWhenNotSet(TemplateResource resource) => resource.Get("EngineMode") switch
    {
        TemplateText { Value: "serverless" } => Fact.Known(true),
        TemplateUnknown unknown => TemplateFacts.NotKnown<bool>(resource, "EngineMode", unknown, "String"),
        _ => Fact.Known(false),
    };

    // The engine's port when none is named; an engine not known leaves it unknown for the same reason.
    private static Fact<int> Port(TemplateResource resource, Fact<string?> engine) =>
        engine is { IsKnown: true, Value: { } name } ? TemplateFacts.Int(resource, "Port", whenNotSet: DbClusterEngine.Rds.DefaultPort(name))
            : resource.Get("Port") is not TemplateNull ? TemplateFacts.Int(resource, "Port", whenNotSet: 0)
            : Fact.Unknown<int>(engine.Reason ?? Texts.Canonical("reasons.not-read"));
}
