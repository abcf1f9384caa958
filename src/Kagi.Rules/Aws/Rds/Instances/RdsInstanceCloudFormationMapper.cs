using Kagi.CloudFormation.Evaluation;
using Kagi.CloudFormation.Mapping;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>
/// <c>AWS::RDS::DBInstance</c>, as <see cref="RdsInstanceTerraformMapper"/> maps <c>aws_db_instance</c>:
/// <c>StorageEncrypted</c> defaults to false, and encryption without <c>KmsKeyId</c> uses <c>aws/rds</c>. Unlike
/// Terraform's, the type also declares the members of Aurora clusters (<c>DBClusterIdentifier</c>): those are not mapped,
/// being judged through their cluster, as from Terraform and a live account. A read replica
/// (<c>SourceDBInstanceIdentifier</c>, or <c>SourceDBClusterIdentifier</c> for a replica of a Multi-AZ DB cluster) is
/// encrypted as its source is, taken from the source instance when the template declares it; its <c>KmsKeyId</c>, for a
/// replica in another region, names its key. A restored instance (from a snapshot, or to a point in time with
/// <c>RestoreTime</c> or <c>UseLatestRestorableTime</c>) is encrypted as its source is.
/// </summary>
internal sealed class RdsInstanceCloudFormationMapper : CloudFormationMapper<RdsInstance>
{
    // What an instance restored from a snapshot or from automated backups names as its source.
    private static readonly string[] RestoreSources = ["DBSnapshotIdentifier", "DBClusterSnapshotIdentifier", "SourceDBInstanceAutomatedBackupsArn", "SourceDbiResourceId"];

    // What a read replica names as its source; with a restore time, the same properties name the source of a restore instead.
    private static readonly string[] ReplicaSources = ["SourceDBInstanceIdentifier", "SourceDBClusterIdentifier"];

    public override string ResourceType => RdsInstance.Descriptor.Type;

    public override bool Maps(TemplateResource resource) => !DbClusterCloudFormation.Names(resource, "DBClusterIdentifier");

    public override RdsInstance Map(TemplateResource resource, TemplateKeyResolver keys)
    {
        var (encrypted, key) = Storage(resource, keys);
        return new RdsInstance
        {
            Id = resource.Id,
            Name = TemplateFacts.Name(resource, "DBInstanceIdentifier"),
            Tags = TemplateFacts.Tags(resource),
            StorageEncrypted = encrypted,
            KmsKeyId = TemplateFacts.OptionalString(resource, "KmsKeyId"),
            Key = key,
            Engine = TemplateFacts.OptionalString(resource, "Engine"),
            InstanceClass = TemplateFacts.OptionalString(resource, "DBInstanceClass"),
            AvailabilityZone = TemplateFacts.OptionalString(resource, "AvailabilityZone"),
            MultiAz = TemplateFacts.Bool(resource, "MultiAZ", whenNotSet: false),
            SubnetGroup = TemplateFacts.OptionalString(resource, "DBSubnetGroupName"),
            VpcSecurityGroupIds = TemplateFacts.Strings(resource, "VPCSecurityGroups"),
            ParameterGroup = TemplateFacts.OptionalString(resource, "DBParameterGroupName"),
            OptionGroup = TemplateFacts.OptionalString(resource, "OptionGroupName"),

            // Left out, both depend on the engine and on whether the instance is a replica: not read, as from Terraform.
            Port = resource.Get("Port") is TemplateNull ? Fact.Unknown<int>(Texts.Canonical("reasons.not-read")) : TemplateFacts.Int(resource, "Port", whenNotSet: 0),
            BackupRetentionPeriod = resource.Get("BackupRetentionPeriod") is TemplateNull ? Fact.Unknown<int>(Texts.Canonical("reasons.not-read")) : TemplateFacts.Int(resource, "BackupRetentionPeriod", whenNotSet: 0),
            PreferredBackupWindow = TemplateFacts.OptionalString(resource, "PreferredBackupWindow"),
            PreferredMaintenanceWindow = TemplateFacts.OptionalString(resource, "PreferredMaintenanceWindow"),
            EnabledCloudwatchLogsExports = TemplateFacts.Strings(resource, "EnableCloudwatchLogsExports"),
            IamDatabaseAuthentication = TemplateFacts.Bool(resource, "EnableIAMDatabaseAuthentication", whenNotSet: false),
            DeletionProtection = TemplateFacts.Bool(resource, "DeletionProtection", whenNotSet: false),
            CopyTagsToSnapshot = TemplateFacts.Bool(resource, "CopyTagsToSnapshot", whenNotSet: false),
        };
    }

    // A replica that names no key is encrypted as its source is: the source's record says how, when the template declares it.
    public override RdsInstance Join(RdsInstance resource, TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(scope);
        return resource is { StorageEncrypted.IsKnown: false, Key: KeyReference.Undetermined }
            && scope.OfType(ResourceType).FirstOrDefault(declared => declared.LogicalId == resource.Declaration?.Name) is { } instance
            && IsReplica(instance) && !DbClusterCloudFormation.Names(instance, "KmsKeyId")
            && scope.Mapped.OfType<RdsInstance>().FirstOrDefault(primary => !ReferenceEquals(primary, resource) && IsSourceOf(primary, instance)) is { } source
            ? resource with { StorageEncrypted = source.StorageEncrypted, Key = source.Key }
            : resource;
    }

    private static (Fact<bool> Encrypted, KeyReference Key) Storage(TemplateResource resource, TemplateKeyResolver keys)
    {
        if (IsReplica(resource))
        {
            return DbClusterCloudFormation.Names(resource, "KmsKeyId")
                ? (Fact.Known(true), keys.Resolve(resource, "KmsKeyId"))
                : DbClusterCloudFormation.Inherited(Texts.Canonical("reasons.replica-of-undeclared-source", ("source", DbClusterCloudFormation.RestoredFrom(resource, ReplicaSources))));
        }

        return (DbClusterCloudFormation.RestoredFrom(resource, RestoreSources) ?? DbClusterCloudFormation.RestoredFrom(resource, ReplicaSources)) is { } source
            ? DbClusterCloudFormation.Inherited(Texts.Canonical("reasons.instance-restored-from-undeclared-source", ("source", source)))
            : (TemplateFacts.Bool(resource, "StorageEncrypted", whenNotSet: false), keys.Resolve(resource, "KmsKeyId"));
    }

    private static bool IsReplica(TemplateResource resource) =>
        DbClusterCloudFormation.RestoredFrom(resource, ReplicaSources) is not null && !RestoresToPointInTime(resource);

    private static bool RestoresToPointInTime(TemplateResource resource) =>
        DbClusterCloudFormation.Names(resource, "RestoreTime") || resource.Get("UseLatestRestorableTime") is not (TemplateNull or TemplateText { Value: "false" });

    // By Ref, or by the same literal identifier.
    private static bool IsSourceOf(RdsInstance primary, TemplateResource replica) =>
        TemplateScope.RefersTo(replica, "SourceDBInstanceIdentifier", primary)
        || (replica.Get("SourceDBInstanceIdentifier") is TemplateText { Value: var named } && primary.Name is { IsKnown: true, Value: var name } && string.Equals(named, name, StringComparison.OrdinalIgnoreCase));
}
