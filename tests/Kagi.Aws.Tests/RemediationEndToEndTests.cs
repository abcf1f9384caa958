using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// The fix Kagi prints works: in moto, a cluster on the AWS-managed key fails, the AWS CLI commands of its finding run
/// exactly as printed (only the endpoint comes from the environment, as for any CLI user), and the scan after them passes.
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
        // Given a Neptune cluster on aws/rds, which the CMK rule fails
        ExternalProcess.RunPython(Setup, _moto.Endpoint, Region);
        var before = Scans.Judge(Scans.Run(_moto.Endpoint, null, Region).Inventory);
        var finding = Assert.Single(before, f => f.Rule.Id == Scans.CmkRule && f.Resource.Name is { IsKnown: true, Value: "graph" });
        Assert.Equal(ResultStatus.Fail, finding.Status);

        // When the finding's AWS CLI commands run as Kagi printed them
        var cli = FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli);
        Assert.Contains("\nOLD=graph\n", cli, StringComparison.Ordinal);
        Assert.Contains("--source-db-cluster-identifier \"$OLD\"", cli, StringComparison.Ordinal);
        ExternalProcess.RunShell(cli, _moto.Endpoint);

        // Then a rescan finds the new cluster under a customer-managed key, with rotation on, and it passes;
        // the old cluster is still there (deleted only with CONFIRM_DELETE_OLD_CLUSTER=yes) and still fails
        var after = Scans.Run(_moto.Endpoint, null, Region).Inventory;
        var verdicts = Scans.Verdicts(after, Scans.CmkRule);
        Assert.Equal(ResultStatus.Pass, verdicts["graph-cmk"]);
        Assert.Equal(ResultStatus.Fail, verdicts["graph"]);
        var key = Assert.IsType<KeyReference.Described>(after.Resources.OfType<NeptuneCluster>().Single(c => c.Name.Value == "graph-cmk").Key).Key;
        Assert.Equal(KeyManager.Customer, key.Manager.Value);
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(after, "kms-key-rotation-enabled")[key.Name.Value]);
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
        var finding = Assert.Single(
            Scans.Judge(Scans.Run(_moto.Endpoint, null, Region).Inventory, options),
            f => f.Rule.Id == ruleId && f.Resource.Name.IsKnown && f.Resource.Name.Value == name);
        Assert.Equal(ResultStatus.Fail, finding.Status);

        // When the finding's AWS CLI commands run as printed
        ExternalProcess.RunShell(FindingText.Render(finding, Language.En).FixIn(RemediationMedium.AwsCli), _moto.Endpoint);

        // Then the same cluster passes, changed in place
        Assert.Equal(ResultStatus.Pass, Scans.Verdicts(Scans.Run(_moto.Endpoint, null, Region).Inventory, ruleId, options)[name]);
    }
}
