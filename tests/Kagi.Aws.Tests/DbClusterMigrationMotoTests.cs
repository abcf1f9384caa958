using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: the printed rebuild of a DB cluster carries everything across. In moto, a cluster with non-default settings
/// (two instances of different classes in two zones, a cluster parameter group, a security group, an IAM role, tags, a
/// log export, deletion protection, 14 days of backups), on the AWS-managed key ("managed") or unencrypted ("plain"), is
/// scanned, its CMK finding's AWS CLI script runs exactly as printed (only the endpoint and
/// CONFIRM_DELETE_OLD_CLUSTER=yes come from the environment), and the rescan must show the new cluster passing the CMK
/// rule, carrying every setting and instance, every rule that passed for the old cluster passing for the new one, the old
/// cluster deleted, and no unencrypted snapshot left behind.
/// <para>
/// The cluster on the AWS-managed key names aws/rds by its key ARN: moto reports its alias/aws/* keys as
/// KeyManager=CUSTOMER, and Kagi still fails it because it recognises the key by its alias in ListAliases.
/// </para>
/// </summary>
public abstract class DbClusterMigrationMotoTests<TCluster> : IClassFixture<DbClusterMigrationMotoTests<TCluster>.PatchedMoto>
    where TCluster : CloudResource, IDbCluster
{
    protected const string Region = "eu-west-1";

    private readonly PatchedMoto _moto;

    protected DbClusterMigrationMotoTests(PatchedMoto moto, string setup)
    {
        ArgumentNullException.ThrowIfNull(moto);
        _moto = moto;
        moto.Prepare(setup, Region);
    }

    /// <summary>The kind's CMK rule, whose fix is the rebuild.</summary>
    protected abstract string CmkRule { get; }

    /// <summary>Whether the setup turns IAM database authentication on (moto refuses it for some engines).</summary>
    protected abstract bool IamAuthentication { get; }

    [Theory]
    [InlineData("managed", null)]
    [InlineData("plain", CmkEncryptionRule<TCluster>.UnencryptedVariant)]
    public void The_printed_rebuild_carries_every_setting_and_breaks_no_rule_that_passed(string name, string? variant)
    {
        // Given the cluster, which the CMK rule fails, when its printed script runs
        var fix = PrintedRebuild.Run(_moto.Endpoint, Region, CmkRule, resource => resource.Name is { IsKnown: true } known && known.Value == name, variant, "CONFIRM_DELETE_OLD_CLUSTER");

        // with the settings the scan read
        var old = (TCluster)fix.Finding.Resource;
        Assert.Equal(2, old.Instances.Value.Select(instance => instance.AvailabilityZone).Distinct().Count());
        Assert.Equal(2, old.Instances.Value.Select(instance => instance.InstanceClass).Distinct().Count());
        Assert.EndsWith("-params", old.ClusterParameterGroup.Value, StringComparison.Ordinal);
        Assert.Single(old.VpcSecurityGroupIds.Value);
        Assert.Single(old.IamRoles.Value);
        Assert.Single(old.EnabledCloudwatchLogsExports.Value);
        Assert.Contains("team", old.Tags.Value.Keys);
        Assert.Equal(IamAuthentication, old.IamDatabaseAuthentication.Value);

        // Then the new cluster passes the CMK rule under a customer-managed key, and every rule that passed for the old one
        var inventory = fix.After;
        var replacement = inventory.Resources.OfType<TCluster>().Single(cluster => cluster.Name.Value == $"{name}-cmk");
        fix.AssertReplacementPassesWhatTheOldPassed(replacement, CmkRule);

        // and carries the old cluster's settings and instances across
        Assert.Equal(Settings(old), Settings(replacement));
        Assert.Equal((14, true, true), (replacement.BackupRetentionPeriod.Value, replacement.DeletionProtection.Value, replacement.CopyTagsToSnapshot.Value));
        Assert.Equal(
            old.Instances.Value.Select(instance => instance with { Name = string.Empty }),
            replacement.Instances.Value.Select(instance => instance with { Name = string.Empty }));

        // and the old cluster is gone, leaving a final snapshot and no unencrypted one behind
        Assert.DoesNotContain(inventory.Resources.OfType<TCluster>(), cluster => cluster.Name.Value == name);
        var snapshots = Snapshots(name);
        Assert.DoesNotContain($"{name}-pre-cmk", snapshots.Keys);
        Assert.Contains(snapshots.Keys, snapshot => snapshot.StartsWith($"{name}-final", StringComparison.Ordinal));
        Assert.All(snapshots, snapshot => Assert.True(snapshot.Value, $"{snapshot.Key} is unencrypted"));
    }

    // Every setting the rebuild carries, in one comparable value (the instances apart).
    private static string Settings(TCluster cluster) => JsonSerializer.Serialize(new
    {
        Engine = cluster.Engine.Value,
        EngineVersion = cluster.EngineVersion.Value,
        SubnetGroup = cluster.SubnetGroup.Value,
        SecurityGroups = cluster.VpcSecurityGroupIds.Value,
        ClusterParameterGroup = cluster.ClusterParameterGroup.Value,
        IamRoles = cluster.IamRoles.Value,
        Port = cluster.Port.Value,
        Backups = cluster.BackupRetentionPeriod.Value,
        BackupWindow = cluster.PreferredBackupWindow.Value,
        MaintenanceWindow = cluster.PreferredMaintenanceWindow.Value,
        LogExports = cluster.EnabledCloudwatchLogsExports.Value,
        IamAuthentication = cluster.IamDatabaseAuthentication.Value,
        DeletionProtection = cluster.DeletionProtection.Value,
        CopyTags = cluster.CopyTagsToSnapshot.Value,
        Serverless = cluster.ServerlessV2Scaling.Value,
        Tags = cluster.Tags.Value.Where(tag => !tag.Key.StartsWith("aws:", StringComparison.Ordinal)).OrderBy(tag => tag.Key, StringComparer.Ordinal),
    });

    // The cluster snapshots of the old cluster's name, whether each is encrypted; Neptune and Aurora share moto's RDS backend.
    private Dictionary<string, bool> Snapshots(string name) =>
        ExternalProcess.RunPythonRows(
            """
            import boto3
            for s in boto3.client("rds").describe_db_cluster_snapshots()["DBClusterSnapshots"]:
                print(s["DBClusterSnapshotIdentifier"], s["StorageEncrypted"])
            """,
            _moto.Endpoint,
            Region)
            .Where(fields => fields[0].StartsWith(name + "-", StringComparison.Ordinal))
            .ToDictionary(fields => fields[0], fields => fields[1] == "True", StringComparer.Ordinal);

    /// <summary>
    /// moto with its cluster snapshot restore mended: a missing master password (Neptune never has one) is none, and a named
    /// key encrypts (moto keeps an unencrypted snapshot's cluster unencrypted although a key is named).
    /// </summary>
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
