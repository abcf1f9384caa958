using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>
/// <c>aws_db_instance</c>, a standalone DB instance: the provider's default for <c>storage_encrypted</c> is false, and
/// encryption without <c>kms_key_id</c> uses <c>aws/rds</c>. The resource has no cluster argument: the members of Aurora
/// clusters are <c>aws_rds_cluster_instance</c> (and those of Multi-AZ DB clusters are made by the cluster), judged through
/// their <c>aws_rds_cluster</c>. A read replica (<c>replicate_source_db</c>) is encrypted as its source is, taken from the
/// source when this configuration declares it; its <c>kms_key_id</c>, for a replica in another region, names its key. A
/// restored instance (<c>snapshot_identifier</c>, <c>restore_to_point_in_time</c>) is encrypted as its source is.
/// </summary>
internal sealed class RdsInstanceTerraformMapper : ResourceMapper<RdsInstance>
{
    public const string InstanceType = "aws_db_instance";
    private const string KeyArgument = "kms_key_id";
    private const string SourceArgument = "replicate_source_db";

    public override string TerraformType => InstanceType;

    public override RdsInstance Map(IResourceView view, KeyResolver keys)
    {
        var (encrypted, key) = Storage(view, keys);
        return new RdsInstance
        {
            Id = view.Address,
            Name = Facts.Name(view, "identifier", "identifier_prefix"),
            Tags = Facts.Tags(view),
            StorageEncrypted = encrypted,
            KmsKeyId = Facts.OptionalString(view, KeyArgument),
            Key = key,
            Engine = Facts.OptionalString(view, "engine"),
            InstanceClass = Facts.OptionalString(view, "instance_class"),
            AvailabilityZone = Facts.OptionalString(view, "availability_zone"),
            MultiAz = Facts.Bool(view, "multi_az", whenNotSet: false),
            SubnetGroup = Facts.OptionalString(view, "db_subnet_group_name"),
            VpcSecurityGroupIds = Facts.Strings(view, "vpc_security_group_ids"),
            ParameterGroup = Facts.OptionalString(view, "parameter_group_name"),
            OptionGroup = Facts.OptionalString(view, "option_group_name"),
            Port = view.Get("port") is TfNull ? Fact.Unknown<int>(Texts.Canonical("reasons.not-read")) : Facts.Int(view, "port", whenNotSet: 0),
            BackupRetentionPeriod = view.Get("backup_retention_period") is TfNull ? Fact.Unknown<int>(Texts.Canonical("reasons.not-read")) : Facts.Int(view, "backup_retention_period", whenNotSet: 0),
            PreferredBackupWindow = Facts.OptionalString(view, "backup_window"),
            PreferredMaintenanceWindow = Facts.OptionalString(view, "maintenance_window"),
            EnabledCloudwatchLogsExports = Facts.Strings(view, "enabled_cloudwatch_logs_exports"),
            IamDatabaseAuthentication = Facts.Bool(view, "iam_database_authentication_enabled", whenNotSet: false),
            DeletionProtection = Facts.Bool(view, "deletion_protection", whenNotSet: false),
            CopyTagsToSnapshot = Facts.Bool(view, "copy_tags_to_snapshot", whenNotSet: false),
        };
    }

    // A replica that names no key is encrypted as its source is: the source's mapped record says how, when it is declared here.
    public override RdsInstance Join(RdsInstance resource, JoinScope scope)
    {
        if (resource is not { StorageEncrypted.IsKnown: false, Key: KeyReference.Undetermined }
            || scope.ViewOf(resource) is not { } view
            || !IsReplica(view)
            || RdsStorageMapping.Names(view, KeyArgument))
        {
            return resource;
        }

        var source = JoinScope.Referenced(view, SourceArgument, scope.OfType(InstanceType), "identifier");
        return source is not null && source.Address != view.Address
            && scope.Mapped.OfType<RdsInstance>().FirstOrDefault(instance => instance.Id == source.Address) is { } primary
            ? resource with { StorageEncrypted = primary.StorageEncrypted, Key = primary.Key }
            : resource;
    }

    private static (Fact<bool> Encrypted, KeyReference Key) Storage(IResourceView view, KeyResolver keys)
    {
        if (IsReplica(view))
        {
            return RdsStorageMapping.Names(view, KeyArgument)
                ? (Fact.Known(true), keys.Resolve(view, KeyArgument))
                : RdsStorageMapping.Inherited(Texts.Canonical("reasons.replica-of-undeclared-source", ("source", view.Describe(SourceArgument))));
        }

        return RdsStorageMapping.RestoredFrom(view) is { } source
            ? RdsStorageMapping.Inherited(Texts.Canonical("reasons.instance-restored-from-undeclared-source", ("source", source)))
            : (Facts.Bool(view, "storage_encrypted", whenNotSet: false), keys.Resolve(view, KeyArgument));
    }

    private static bool IsReplica(IResourceView view) => view.Get(SourceArgument) is not (TfNull or TfString { Value.Length: 0 });
}
