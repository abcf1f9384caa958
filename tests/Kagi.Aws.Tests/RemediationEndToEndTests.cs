using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// The fixes Kagi prints for Neptune clusters work in moto (<see cref="PrintedCliFix"/>): a cluster on the AWS-managed key
/// is restored into a new one under a CMK, and a setting is changed in place.
/// </summary>
public sealed class RemediationEndToEndTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        neptune = boto3.client("neptune")
        aws_rds_arn = aws_managed_key("rds")
        neptune.create_db_cluster(DBClusterIdentifier="graph", Engine="neptune", StorageEncrypted=True, KmsKeyId=aws_rds_arn)
        neptune.create_db_instance(DBInstanceIdentifier="graph-1", DBClusterIdentifier="graph", Engine="neptune", DBInstanceClass="db.r6g.large")
        """;

    [Fact]
    public void The_printed_cli_fix_moves_a_cluster_on_the_aws_managed_key_to_a_new_cluster_under_a_cmk_that_passes()
    {
        // Given a Neptune cluster on aws/rds, which the CMK rule fails, when its printed fix runs
        var fix = PrintedCliFix.Run(Endpoint, Region, Scans.CmkRule, "graph");

        // Then a rescan finds the new cluster under a customer-managed key, with rotation on, and it passes;
        // the old cluster is still there (deleted only with CONFIRM_DELETE_OLD_CLUSTER=yes) and still fails
        Assert.Contains("\nOLD=graph\n", fix.Cli, StringComparison.Ordinal);
        Assert.Contains("--source-db-cluster-identifier \"$OLD\"", fix.Cli, StringComparison.Ordinal);
        fix.AssertProtectedByARotatedCmk(fix.Named("graph-cmk"));
        Assert.Equal(ResultStatus.Fail, fix.StatusOf(Scans.CmkRule, fix.Named("graph").Id));
    }

    // moto keeps these settings when they are modified; it ignores IAM authentication and log exports, so those fixes are
    // proven only by their Terraform side.
    [Theory]
    [InlineData("neptune-cluster-deletion-protection")]
    [InlineData("neptune-cluster-backup-retention")]
    [InlineData("neptune-cluster-copy-tags-to-snapshot")]
    public void The_printed_cli_fix_of_a_cluster_setting_makes_the_same_cluster_pass(string ruleId)
    {
        // Given a new Neptune cluster with the service's defaults, which the rule fails
        var name = ruleId.Replace("neptune-cluster-", "settings-", StringComparison.Ordinal);
        ExternalProcess.RunPython($"""
            import boto3
            boto3.client("neptune").create_db_cluster(DBClusterIdentifier="{name}", Engine="neptune", StorageEncrypted=True, BackupRetentionPeriod=1)
            """, Endpoint, Region);
        var options = new ScanOptions { Rules = new HashSet<string> { ruleId } };

        // When the finding's AWS CLI commands run as printed, then the same cluster passes, changed in place
        var fix = PrintedCliFix.Run(Endpoint, Region, ruleId, name, options);

        Assert.Equal(ResultStatus.Pass, fix.StatusOf(ruleId, fix.Named(name).Id));
    }
}
