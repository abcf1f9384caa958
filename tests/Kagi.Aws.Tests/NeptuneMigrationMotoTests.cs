using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.Neptune.ClusterSnapshots;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed rebuild of a Neptune cluster carries everything across. In moto, a cluster with non-default
/// settings (two instances of different classes in two zones, a cluster parameter group, a security group, an IAM role,
/// tags, audit log export, deletion protection, 14 days of backups) is scanned, its finding's AWS CLI script runs exactly
/// as printed (only the endpoint and CONFIRM_DELETE_OLD_CLUSTER=yes come from the environment), and the rescan must show
/// the new cluster passing the CMK rule, every rule that passed for the old cluster passing for the new one, the old
/// cluster deleted, and no unencrypted snapshot left behind.
/// <para>
/// The cluster on the AWS-managed key names aws/rds by its key ARN: moto reports its alias/aws/* keys as
/// KeyManager=CUSTOMER, and Kagi still fails it because it recognises the key by its alias in ListAliases.
/// </para>
/// <para>
/// What moto 5.2 cannot emulate, and how this class deals with it: IAM database authentication (moto refuses it for a
/// Neptune cluster, so the cluster has it off and the script carries "off"); restoring a Neptune snapshot (moto's
/// RestoreDBClusterFromSnapshot crashes on a cluster without a master password, which Neptune never has, and keeps an
/// unencrypted snapshot's cluster unencrypted although a key is named). The fixture patches those two spots of moto's
/// RDS backend, so the unencrypted variant's script runs as printed; everything else is moto as shipped.
/// </para>
/// </summary>
public sealed class NeptuneMigrationMotoTests : IClassFixture<NeptuneMigrationMotoTests.PatchedMoto>
{
    private const string Region = "eu-west-1";

    private const string Setup = """
        import boto3
        iam = boto3.client("iam"); ec2 = boto3.client("ec2"); kms = boto3.client("kms"); neptune = boto3.client("neptune")
        aws_rds = next(a for a in kms.list_aliases()["Aliases"] if a["AliasName"] == "alias/aws/rds")
        aws_rds_arn = aws_rds["AliasArn"].replace("alias/aws/rds", "key/" + aws_rds["TargetKeyId"])
        role = iam.create_role(RoleName="graph-loader", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        group = ec2.create_security_group(GroupName="graph", Description="graph clients", VpcId=vpc)["GroupId"]
        neptune.create_db_cluster_parameter_group(DBClusterParameterGroupName="graph-params", DBParameterGroupFamily="neptune1.3", Description="graph")
        def cluster(name, **encryption):
            neptune.create_db_cluster(
                DBClusterIdentifier=name, Engine="neptune", VpcSecurityGroupIds=[group], DBClusterParameterGroupName="graph-params",
                BackupRetentionPeriod=14, DeletionProtection=True, EnableCloudwatchLogsExports=["audit"], CopyTagsToSnapshot=True,
                Tags=[{"Key": "team", "Value": "graph"}], **encryption)
            neptune.add_role_to_db_cluster(DBClusterIdentifier=name, RoleArn=role)
            neptune.create_db_instance(DBInstanceIdentifier=name + "-a", DBClusterIdentifier=name, Engine="neptune",
                DBInstanceClass="db.r5.xlarge", AvailabilityZone="eu-west-1a", PromotionTier=1)
            neptune.create_db_instance(DBInstanceIdentifier=name + "-b", DBClusterIdentifier=name, Engine="neptune",
                DBInstanceClass="db.r5.large", AvailabilityZone="eu-west-1b", PromotionTier=2)
        cluster("managed", StorageEncrypted=True, KmsKeyId=aws_rds_arn)
        cluster("plain", StorageEncrypted=False)
        """;

    private static readonly Dictionary<string, string> ConfirmDelete = new() { ["CONFIRM_DELETE_OLD_CLUSTER"] = "yes" };

    private readonly PatchedMoto _moto;

    public NeptuneMigrationMotoTests(PatchedMoto moto)
    {
        ArgumentNullException.ThrowIfNull(moto);
        _moto = moto;
        moto.Prepare(Setup, Region);
    }

    [Theory]
    [InlineData("managed", null)]
    [InlineData("plain", CmkEncryptionRule<NeptuneCluster>.UnencryptedVariant)]
    public void The_printed_rebuild_carries_every_setting_and_breaks_no_rule_that_passed(string name, string? variant)
    {
        // Given the cluster, which the CMK rule fails, with the settings the scan read
        var before = Scans.Judge(Scans.Run(_moto.Endpoint, null, Region).Inventory);
        var finding = Assert.Single(before, f => f.Rule.Id == Scans.CmkRule && f.Resource.Name is { IsKnown: true } known && known.Value == name);
        Assert.Equal(ResultStatus.Fail, finding.Status);
        Assert.Equal(variant, finding.Result.RemediationVariant);
        var old = (NeptuneCluster)finding.Resource;
        Assert.Equal(["db.r5.xlarge", "db.r5.large"], old.Instances.Value.Select(instance => instance.InstanceClass));

        // When its AWS CLI script runs exactly as printed, with the old cluster's deletion confirmed
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        Assert.DoesNotContain("db.r6g.large", cli, StringComparison.Ordinal);
        ExternalProcess.RunShell(cli, _moto.Endpoint, ConfirmDelete);

        // Then the new cluster passes the CMK rule under a customer-managed key
        var inventory = Scans.Run(_moto.Endpoint, null, Region).Inventory;
        var after = Scans.Judge(inventory);
        var replacement = inventory.Resources.OfType<NeptuneCluster>().Single(cluster => cluster.Name.Value == $"{name}-cmk");
        Assert.Equal(ResultStatus.Pass, after.Single(f => f.Rule.Id == Scans.CmkRule && f.Resource.Id == replacement.Id).Status);
        Assert.Equal(KeyManager.Customer, Assert.IsType<KeyReference.Described>(replacement.Key).Key.Manager.Value);

        // and carries the old cluster's settings and instances across
        Assert.Equal(old.VpcSecurityGroupIds.Value, replacement.VpcSecurityGroupIds.Value);
        Assert.Equal(old.ClusterParameterGroup.Value, replacement.ClusterParameterGroup.Value);
        Assert.Equal(old.IamRoles.Value, replacement.IamRoles.Value);
        Assert.Equal((14, true, true), (replacement.BackupRetentionPeriod.Value, replacement.DeletionProtection.Value, replacement.CopyTagsToSnapshot.Value));
        Assert.Equal(["audit"], replacement.EnabledCloudwatchLogsExports.Value);
        Assert.Equal(
            old.Instances.Value.Select(instance => (instance.InstanceClass, instance.AvailabilityZone, instance.PromotionTier)),
            replacement.Instances.Value.Select(instance => (instance.InstanceClass, instance.AvailabilityZone, instance.PromotionTier)));

        // and no rule that passed for the old cluster fails for the new one
        var passedBefore = before.Where(f => f.Resource.Id == old.Id && f.Status == ResultStatus.Pass).Select(f => f.Rule.Id).ToList();
        Assert.NotEmpty(passedBefore);
        var statusAfter = after.Where(f => f.Resource.Id == replacement.Id).ToDictionary(f => f.Rule.Id, f => f.Status);
        Assert.All(passedBefore, ruleId => Assert.Equal((ruleId, ResultStatus.Pass), (ruleId, statusAfter[ruleId])));

        // and the old cluster is gone, leaving no unencrypted snapshot behind
        Assert.DoesNotContain(inventory.Resources.OfType<NeptuneCluster>(), cluster => cluster.Name.Value == name);
        var snapshots = inventory.Resources.OfType<NeptuneClusterSnapshot>().Where(snapshot => snapshot.Name.Value.StartsWith(name + "-", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(snapshots, snapshot => snapshot.Name.Value == $"{name}-pre-cmk");
        Assert.Contains(snapshots, snapshot => snapshot.Name.Value.StartsWith($"{name}-final", StringComparison.Ordinal));
        Assert.All(snapshots, snapshot => Assert.True(snapshot.StorageEncrypted.Value, $"{snapshot.Name.Value} is unencrypted"));
    }

    /// <summary>moto with its Neptune snapshot restore mended (see the class): a missing master password is none, and a named key encrypts.</summary>
    public sealed class PatchedMoto : IDisposable
    {
        private const string Patch = """
            import moto.rds.models as rds
            get_cfg = rds.DBCluster.get_cfg
            def get_cfg_without_password(self):
                self.__dict__.setdefault("_master_user_password", None)
                return get_cfg(self)
            rds.DBCluster.get_cfg = get_cfg_without_password
            restore = rds.RDSBackend.restore_db_cluster_from_snapshot
            def restore_under_named_key(self, from_snapshot_id, overrides):
                if overrides.get("kms_key_id"):
                    overrides = dict(overrides, storage_encrypted=True)
                return restore(self, from_snapshot_id, overrides)
            rds.RDSBackend.restore_db_cluster_from_snapshot = restore_under_named_key
            """;

        private readonly MotoServer _moto = new(Patch);
        private bool _prepared;

        public Uri Endpoint => _moto.Endpoint;

        public void Prepare(string setup, string region)
        {
            lock (_moto)
            {
                if (!_prepared)
                {
                    ExternalProcess.RunPython(setup, Endpoint, region);
                    _prepared = true;
                }
            }
        }

        public void Dispose() => _moto.Dispose();
    }
}
