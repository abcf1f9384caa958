using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>Integration against moto, an independent AWS emulator: clusters and keys are made with boto3, then scanned by Kagi.</summary>
public sealed class MotoScanTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        neptune = boto3.client("neptune"); rds = boto3.client("rds")
        cmk = kms.create_key(Description="neptune cmk", Tags=[{"TagKey": "owner", "TagValue": "security"}])["KeyMetadata"]["Arn"]
        aws_rds_arn = aws_managed_key("rds")
        neptune.create_db_cluster(DBClusterIdentifier="pass-cmk", Engine="neptune", StorageEncrypted=True, KmsKeyId=cmk, Tags=[{"Key": "owner", "Value": "team-a"}])
        neptune.add_tags_to_resource(ResourceName="arn:aws:rds:eu-west-1:123456789012:cluster:pass-cmk", Tags=[{"Key": "env", "Value": "prod"}])
        neptune.create_db_cluster(DBClusterIdentifier="pass-cmk-shared", Engine="neptune", StorageEncrypted=True, KmsKeyId=cmk)
        neptune.create_db_cluster(DBClusterIdentifier="fail-unencrypted", Engine="neptune", StorageEncrypted=False)
        neptune.create_db_cluster(DBClusterIdentifier="fail-aws-managed", Engine="neptune", StorageEncrypted=True, KmsKeyId=aws_rds_arn)
        neptune.create_db_cluster(DBClusterIdentifier="unknown-unresolvable-key", Engine="neptune", StorageEncrypted=True)
        rds.create_db_cluster(DBClusterIdentifier="aurora", Engine="aurora-postgresql", MasterUsername="admin", MasterUserPassword="password123")
        print(json.dumps({"cmk": cmk}))
        """;

    [Fact]
    public void Every_neptune_cluster_gets_the_verdict_its_real_key_deserves()
    {
        // moto's account is named, and each Neptune cluster is judged by what KMS says of its key; moto gives an encrypted
        // cluster without a key the made-up KmsKeyId "default_kms_key_id", which KMS cannot describe
        Assert.Equal("123456789012", Scan().Account);
        AssertEachGetsTheVerdictItsNameSays(Scans.CmkRule, "pass-cmk", "pass-cmk-shared", "fail-unencrypted", "fail-aws-managed", "unknown-unresolvable-key");
    }

    [Fact]
    public void Only_neptune_engines_are_neptune_clusters()
    {
        var result = Scan();

        var names = result.Inventory.Resources.OfType<NeptuneCluster>().Select(cluster => cluster.Name.Value).ToList();
        Assert.DoesNotContain("aurora", names);
        Assert.Empty(result.Inventory.Unscanned);
    }

    [Fact]
    public void A_cluster_is_identified_by_its_arn_with_account_and_region()
    {
        var result = Scan();

        var cluster = result.Inventory.Resources.OfType<NeptuneCluster>().Single(c => c.Name.Value == "pass-cmk");
        Assert.Equal("arn:aws:rds:eu-west-1:123456789012:cluster:pass-cmk", cluster.Id);
        Assert.Equal("123456789012", cluster.Account);
        Assert.Equal(Region, cluster.Region);
        var key = Assert.IsType<KeyReference.Described>(cluster.Key);
        Assert.Equal(Cmk, key.Key.Arn.Value);
        Assert.Equal("Enabled", key.Key.State.Value);
        Assert.False(key.Key.RotationEnabled.Value);
        Assert.Contains("kms:*", key.Key.Policy.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Clusters_and_keys_carry_the_tags_moto_holds_for_them()
    {
        var result = Scan();

        var clusters = result.Inventory.Resources.OfType<NeptuneCluster>().ToDictionary(cluster => cluster.Name.Value);
        Assert.True(clusters["pass-cmk"].Tags.IsKnown, clusters["pass-cmk"].Tags.Reason);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "team-a" }, clusters["pass-cmk"].Tags.Value);
        Assert.Empty(clusters["fail-unencrypted"].Tags.Value);
        var key = Assert.IsType<KeyReference.Described>(clusters["pass-cmk"].Key).Key;
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "security" }, key.Tags.Value);
    }

    [Fact]
    public void The_storage_encrypted_rule_fails_only_the_unencrypted_cluster()
    {
        var result = Scan();

        var failing = Scans.Verdicts(result.Inventory, Scans.EncryptedRule).Where(v => v.Value == ResultStatus.Fail).Select(v => v.Key);
        Assert.Equal(["fail-unencrypted"], failing);
    }

    [Fact]
    public void The_endpoint_can_come_from_the_environment_as_the_aws_cli_reads_it()
    {
        // Given no --endpoint-url but AWS_ENDPOINT_URL set, as a user of the AWS CLI would
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = Endpoint.ToString(), ["AWS_REGION"] = Region };

        var result = Scans.Run(new LiveScanOptions(), null, environment);

        Assert.Equal([Region], result.Regions);
        Assert.Equal(5, result.Inventory.Resources.OfType<NeptuneCluster>().Count());
    }

    [Fact]
    public void Kagi_scan_aws_against_moto_prints_the_verdicts_and_exits_one_for_the_failures()
    {
        var (exitCode, output, _) = Cli.ScanAwsCommandTests.Kagi("scan", "aws", "--endpoint-url", Endpoint.ToString(), "--region", Region, "--format", "json");

        Assert.Equal(1, exitCode);
        var findings = Cli.ScanAwsCommandTests.Findings(output);
        Assert.Equal("PASS", findings[(Scans.CmkRule, "arn:aws:rds:eu-west-1:123456789012:cluster:pass-cmk")]);
        Assert.Equal("FAIL", findings[(Scans.CmkRule, "arn:aws:rds:eu-west-1:123456789012:cluster:fail-aws-managed")]);
        Assert.Equal("FAIL", findings[(Scans.EncryptedRule, "arn:aws:rds:eu-west-1:123456789012:cluster:fail-unencrypted")]);
        Assert.Equal(5, findings.Keys.Count(key => key.Rule == Scans.CmkRule));
    }
}
