using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Redshift.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// Issue 17: Redshift changes a cluster's key in place — <c>ModifyCluster</c> with <c>Encrypted</c> and <c>KmsKeyId</c>,
/// and Redshift migrates the data to a cluster under the new key itself (AWS's "Amazon Redshift database encryption" and
/// the <c>ModifyCluster</c> model: "If the value is encrypted (true) and you provide a value for the KmsKeyId parameter,
/// we encrypt the cluster with the provided KmsKeyId") — so the fix is that one command and a wait, no rebuild. The
/// printed CLI runs exactly as printed against moto, and the rescan keeps every verdict that passed, with the cluster
/// changed in place.
/// </summary>
/// <remarks>
/// What moto cannot do: its <c>ModifyCluster</c> takes <c>Encrypted</c> but ignores <c>KmsKeyId</c>, so on moto the
/// unencrypted cluster ends up encrypted under <c>aws/redshift</c> and no cluster ends up under the new key: the CMK
/// rule's pass cannot be shown there. The command is instead run with <c>aws</c> recorded, and checked against
/// botocore's Redshift model, which the AWS CLI parses by.
/// </remarks>
public sealed class RedshiftFixMotoTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string CmkRule = "redshift-cluster-cmk-encryption";
    private const string StorageRule = "redshift-cluster-storage-encrypted";
    private const int SetUpClusters = 5;

    // One cluster per fix run, as moto's state is shared by the class's tests; those only recorded are never changed.
    private const string Setup = """
        redshift = boto3.client("redshift")
        def cluster(name, **encryption):
            redshift.create_cluster(ClusterIdentifier=name, NodeType="ra3.xlplus", ClusterType="multi-node", NumberOfNodes=2,
                MasterUsername="admin", MasterUserPassword="Passw0rd1", AutomatedSnapshotRetentionPeriod=14,
                Tags=[{"Key": "team", "Value": "analytics"}], **encryption)
        for prefix in ("fixed", "recorded"):
            cluster(prefix + "-managed", Encrypted=True)
            cluster(prefix + "-plain")
        cluster("fixed-plain-storage")
        """;

    [Theory]
    [InlineData("fixed-managed", CmkRule)]
    [InlineData("fixed-plain", CmkRule)]
    [InlineData("fixed-plain-storage", StorageRule)]
    public void The_printed_fix_runs_as_printed_changes_the_cluster_in_place_and_keeps_every_verdict_that_passed(string name, string ruleId)
    {
        // Given the cluster failing the rule, when its printed CLI runs as printed (every passing verdict still passes: PrintedCliFix)
        var fix = PrintedCliFix.Run(Endpoint, Region, ruleId, name);

        // Then the cluster is the same one, changed in place (no cluster was made beside it), and encrypted (moto applies Encrypted; not KmsKeyId, see above)
        var cluster = Assert.IsType<RedshiftCluster>(fix.Named(name));
        Assert.Equal(fix.Finding.Resource.Id, cluster.Id);
        Assert.Equal(SetUpClusters, fix.After.Resources.OfType<RedshiftCluster>().Count());
        Assert.Equal(Fact.Known(true), cluster.StorageEncrypted);
        Assert.Equal(ResultStatus.Pass, fix.StatusOf(StorageRule, cluster.Id));
    }

    [Theory]
    [InlineData("recorded-managed", null, Language.En)]
    [InlineData("recorded-managed", null, Language.Ja)]
    [InlineData("recorded-plain", CmkEncryptionRule<RedshiftCluster>.UnencryptedVariant, Language.En)]
    [InlineData("recorded-plain", CmkEncryptionRule<RedshiftCluster>.UnencryptedVariant, Language.Ja)]
    public void The_fix_is_one_modify_cluster_under_the_new_key_and_a_wait_with_options_the_aws_cli_has(string name, string? variant, Language language)
    {
        // Given the cluster's failing finding, when its printed CLI runs with aws recorded
        var finding = Assert.Single(Scans.Judge(Scans.Run(Endpoint, null, Region).Inventory), f => f.Rule.Id == CmkRule && f.Resource.Name.Value == name);
        Assert.Equal((ResultStatus.Fail, variant), (finding.Status, finding.Result.RemediationVariant));
        var calls = RecordedAws.Run(FindingText.Render(finding, language).FixIn(RemediationMedium.AwsCli));

        // Then Redshift is asked once to encrypt the cluster under the key just made, then waited for, then described: no rebuild
        var key = Assert.Single(calls, call => call.Is("kms", "create-key"));
        var modify = Assert.Single(calls, call => call.Is("redshift", "modify-cluster"));
        Assert.Equal(name, modify.Option("--cluster-identifier"));
        Assert.Contains("--encrypted", modify.Arguments);
        Assert.Equal("available", modify.Option("--kms-key-id"));
        Assert.True(calls.IndexOf(key) < calls.IndexOf(modify));
        Assert.Equal(
            [("modify-cluster", null), ("wait", "cluster-available"), ("describe-clusters", null)],
            calls.Where(call => call.Service == "redshift").Select(call => (call.Arguments[1], call.Arguments[1] == "wait" ? call.Arguments[2] : null)));
        Assert.Equal(name, calls.Single(call => call.Is("redshift", "wait")).Option("--cluster-identifier"));

        // and every option is one the AWS CLI's Redshift and KMS models have
        Assert.Empty(RecordedAws.UnknownOptions(calls, "redshift"));
        Assert.Empty(RecordedAws.UnknownOptions(calls, "kms"));
    }
}
