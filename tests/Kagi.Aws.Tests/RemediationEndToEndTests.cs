using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// The fixes Kagi prints for Neptune clusters work in moto (<see cref="PrintedCliFix"/>): a cluster on the AWS-managed key
/// is restored into a new one under a CMK, and a setting is changed in place.
/// </summary>
public sealed class RemediationEndToEndTests : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";

    private const string Setup = """
        import boto3
        kms = boto3.client("kms"); neptune = boto3.client("neptune")
        aws_rds = next(a for a in kms.list_aliases()["Aliases"] if a["AliasName"] == "alias/aws/rds")
        aws_rds_arn = aws_rds["AliasArn"].replace("alias/aws/rds", "key/" + aws_rds["TargetKeyId"])
        neptune.create_db_cluster(DBClusterIdentifier="graph", Engine="neptune", StorageEncrypted=True, KmsKeyId=aws_rds_arn)
        neptune.create_db_instance(DBInstanceIdentifier="graph-1", DBClusterIdentifier="graph", Engine="neptune", DBInstanceClass="db.r6g.large")
        """;

    private readonly MotoServer _moto;

    public RemediationEndToEndTests(MotoServer moto) => _moto = moto;

    [Fact]
    public void The_printed_cli_fix_moves_a_cluster_on_the_aws_managed_key_to_a_new_cluster_under_a_cmk_that_passes()
    {
        // Given a Neptune cluster on aws/rds, which the CMK rule fails, when its printed fix runs
        ExternalProcess.RunPython(Setup, _moto.Endpoint, Region);
        var fix = PrintedCliFix.Run(_moto.Endpoint, Region, Scans.CmkRule, "graph");

        // Then a rescan finds the new cluster under a customer-managed key, with rotation on, and it passes;
        // the old cluster is still there (kept until the new one is verified) and still fails
        Assert.Contains("--source-db-cluster-identifier graph", fix.Cli, StringComparison.Ordinal);
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
            """, _moto.Endpoint, Region);
        var options = new ScanOptions { Rules = new HashSet<string> { ruleId } };

        // When the finding's AWS CLI commands run as printed, then the same cluster passes, changed in place
        var fix = PrintedCliFix.Run(_moto.Endpoint, Region, ruleId, name, options);

        Assert.Equal(ResultStatus.Pass, fix.StatusOf(ruleId, fix.Named(name).Id));
    }
}
