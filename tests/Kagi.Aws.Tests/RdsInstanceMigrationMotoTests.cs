using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Rds.Instances;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed rebuild of an RDS instance carries everything across. In moto, a PostgreSQL instance with
/// non-default settings (class, zone, port, parameter and option groups, a security group, tags, a log export, IAM
/// authentication, deletion protection, 14 days of backups and their windows), on the AWS-managed key ("managed") or
/// unencrypted ("plain"), is scanned, its CMK finding's AWS CLI script runs exactly as printed (only the endpoint and
/// CONFIRM_DELETE_OLD_INSTANCE=yes come from the environment), and the rescan must show the new instance passing the
/// CMK rule with every setting, every rule that passed for the old instance passing for the new one, the old instance
/// deleted, and no snapshot left but under the CMK.
/// </summary>
public sealed class RdsInstanceMigrationMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string CmkRule = "rds-instance-cmk-encryption";

    private const string Setup = """
        ec2 = boto3.client("ec2"); rds = boto3.client("rds")
        aws_rds_arn = aws_managed_key("rds")
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        group = ec2.create_security_group(GroupName="orders", Description="orders clients", VpcId=vpc)["GroupId"]
        rds.create_db_parameter_group(DBParameterGroupName="orders-params", DBParameterGroupFamily="postgres13", Description="orders")
        rds.create_option_group(OptionGroupName="orders-options", EngineName="postgres", MajorEngineVersion="13", OptionGroupDescription="orders")
        def instance(name, **encryption):
            rds.create_db_instance(
                DBInstanceIdentifier=name, Engine="postgres", EngineVersion="13.7", DBInstanceClass="db.m5.large", AllocatedStorage=50,
                MasterUsername="orders", MasterUserPassword="password123", AvailabilityZone="eu-west-1b", Port=5433,
                VpcSecurityGroupIds=[group], DBParameterGroupName="orders-params", OptionGroupName="orders-options",
                BackupRetentionPeriod=14, PreferredBackupWindow="03:00-04:00", PreferredMaintenanceWindow="sun:05:00-sun:06:00",
                EnableCloudwatchLogsExports=["postgresql"], EnableIAMDatabaseAuthentication=True, DeletionProtection=True,
                CopyTagsToSnapshot=True, Tags=[{"Key": "team", "Value": "orders"}], **encryption)
        instance("managed", StorageEncrypted=True, KmsKeyId=aws_rds_arn)
        instance("plain", StorageEncrypted=False)
        """;

    [Theory]
    [InlineData("managed", null)]
    [InlineData("plain", CmkEncryptionRule<RdsInstance>.UnencryptedVariant)]
    public void The_printed_rebuild_carries_every_setting_and_breaks_no_rule_that_passed(string name, string? variant)
    {
        // Given the instance, which the CMK rule fails, when its printed script runs
        var fix = PrintedRebuild.Run(Endpoint, Region, CmkRule, resource => resource.Name is { IsKnown: true } known && known.Value == name, variant, "CONFIRM_DELETE_OLD_INSTANCE");

        // with the non-default settings the scan read
        var old = (RdsInstance)fix.Finding.Resource;
        Assert.Equal(("db.m5.large", "eu-west-1b", 5433, "orders-params", "orders-options"), (old.InstanceClass.Value, old.AvailabilityZone.Value, old.Port.Value, old.ParameterGroup.Value, old.OptionGroup.Value));
        Assert.Equal((14, true, true, true), (old.BackupRetentionPeriod.Value, old.DeletionProtection.Value, old.CopyTagsToSnapshot.Value, old.IamDatabaseAuthentication.Value));

        // Then the new instance passes the CMK rule under a customer-managed key, and every rule that passed for the old one
        var inventory = fix.After;
        var replacement = inventory.Resources.OfType<RdsInstance>().Single(instance => instance.Name.Value == $"{name}-cmk");
        fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);

        // and carries every setting across
        Assert.Equal(Settings(old), Settings(replacement));

        // and the old instance is gone, leaving only snapshots under the CMK
        Assert.DoesNotContain(inventory.Resources.OfType<RdsInstance>(), instance => instance.Name.Value == name);
        var snapshots = ExternalProcess.RunPythonRows(
            """
            import boto3
            for s in boto3.client("rds").describe_db_snapshots()["DBSnapshots"]:
                print(s["DBSnapshotIdentifier"], s.get("KmsKeyId", "none"))
            """,
            Endpoint,
            Region).Where(fields => fields[0].StartsWith(name + "-", StringComparison.Ordinal)).ToList();
        Assert.Contains(snapshots, fields => fields[0] == $"{name}-final-cmk");
        Assert.All(snapshots, fields => Assert.Equal((fields[0], replacement.KmsKeyId.Value), (fields[0], fields[1])));
    }

    // Every setting the rebuild carries, in one comparable value.
    private static string Settings(RdsInstance instance) => JsonSerializer.Serialize(new
    {
        Engine = instance.Engine.Value,
        InstanceClass = instance.InstanceClass.Value,
        Zone = instance.AvailabilityZone.Value,
        MultiAz = instance.MultiAz.Value,
        SubnetGroup = instance.SubnetGroup.Value,
        SecurityGroups = instance.VpcSecurityGroupIds.Value,
        ParameterGroup = instance.ParameterGroup.Value,
        OptionGroup = instance.OptionGroup.Value,
        Port = instance.Port.Value,
        Backups = instance.BackupRetentionPeriod.Value,
        BackupWindow = instance.PreferredBackupWindow.Value,
        MaintenanceWindow = instance.PreferredMaintenanceWindow.Value,
        LogExports = instance.EnabledCloudwatchLogsExports.Value,
        IamAuthentication = instance.IamDatabaseAuthentication.Value,
        DeletionProtection = instance.DeletionProtection.Value,
        CopyTags = instance.CopyTagsToSnapshot.Value,
        Tags = instance.Tags.Value.Where(tag => !tag.Key.StartsWith("aws:", StringComparison.Ordinal)).OrderBy(tag => tag.Key, StringComparer.Ordinal),
    });
}
