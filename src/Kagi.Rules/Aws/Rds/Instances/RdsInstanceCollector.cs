using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>Standalone RDS instances, listed with <c>DescribeDBInstances</c>, with the settings a rebuild carries; cluster members are left to their cluster.</summary>
public sealed class RdsInstanceCollector : RdsStoreCollector<RdsInstance>
{
    public override string ResourceType => RdsInstance.Descriptor.Type;

    protected override RdsListing Listing => RdsListing.Instances;

    protected override RdsInstance Create(RdsListedStore listed, KeyReference key)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var instance = listed.Listed;
        var answer = new QueryAnswer(instance, Listing.Call, listed.Arn);
        return new RdsInstance
        {
            Id = listed.Arn,
            Name = Fact.Known(listed.Identifier),
            Region = listed.Region,
            Account = listed.Account,
            StorageEncrypted = listed.StorageEncrypted,
            KmsKeyId = listed.KmsKeyId,
            Key = key,
            Engine = answer.String("Engine"),
            InstanceClass = answer.String("DBInstanceClass"),
            MultiAz = answer.Bool("MultiAZ"),

            // AWS places a Multi-AZ instance's primary itself: a restore may not name a zone for it.
            AvailabilityZone = Fact.Known(instance.Text("MultiAZ") == "true" ? null : instance.Text("AvailabilityZone")),
            SubnetGroup = Fact.Known(instance.Child("DBSubnetGroup")?.Text("DBSubnetGroupName")),
            VpcSecurityGroupIds = DbClusterReader.Members(instance, "VpcSecurityGroups", "VpcSecurityGroupId"),
            // The engine's default groups (default.postgres13, default:postgres-13) are left to AWS, which gives the new instance its own.
            ParameterGroup = Fact.Known(instance.Child("DBParameterGroups")?.Elements().Select(group => group.Text("DBParameterGroupName")).FirstOrDefault(name => name?.StartsWith("default.", StringComparison.Ordinal) == false)),
            OptionGroup = Fact.Known(instance.Child("OptionGroupMemberships")?.Elements().Select(group => group.Text("OptionGroupName")).FirstOrDefault(name => name?.StartsWith("default:", StringComparison.Ordinal) == false)),
            Port = instance.Child("Endpoint") is { } endpoint ? new QueryAnswer(endpoint, Listing.Call, listed.Arn).Int("Port") : answer.Int("DbInstancePort"),
            BackupRetentionPeriod = answer.Int("BackupRetentionPeriod"),
            PreferredBackupWindow = answer.String("PreferredBackupWindow"),
            PreferredMaintenanceWindow = answer.String("PreferredMaintenanceWindow"),
            EnabledCloudwatchLogsExports = answer.List("EnabledCloudwatchLogsExports"),
            IamDatabaseAuthentication = answer.Bool("IAMDatabaseAuthenticationEnabled"),
            DeletionProtection = answer.Bool("DeletionProtection"),
            CopyTagsToSnapshot = answer.Bool("CopyTagsToSnapshot"),
        };
    }
}
