using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;
using Kagi.Rules.Aws.Redshift.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// Redshift clusters and ElastiCache replication groups against moto, an independent emulator: made with boto3 (moto
/// takes <c>Encrypted</c>/<c>KmsKeyId</c> on <c>CreateCluster</c> and <c>AtRestEncryptionEnabled</c>/<c>KmsKeyId</c> on
/// <c>CreateReplicationGroup</c>), then scanned. moto reports its alias/aws/* keys as KeyManager=CUSTOMER; the cluster naming
/// aws/redshift's key by its ARN fails only because Kagi recognises the key by its alias in ListAliases, without DescribeKey.
/// </summary>
public sealed class MotoQueryApiKindTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        redshift = boto3.client("redshift"); elasticache = boto3.client("elasticache")
        cmk = kms.create_key(Description="query kinds cmk")["KeyMetadata"]["Arn"]
        managed_arn = aws_managed_key("redshift")
        def cluster(name, **encryption):
            redshift.create_cluster(ClusterIdentifier=name, NodeType="ra3.xlplus", MasterUsername="admin", MasterUserPassword="Passw0rd1", **encryption)
        cluster("pass-cmk", Encrypted=True, KmsKeyId=cmk, Tags=[{"Key": "owner", "Value": "analytics"}])
        cluster("fail-service-default", Encrypted=True)
        cluster("fail-aws-managed-by-arn", Encrypted=True, KmsKeyId=managed_arn)
        cluster("fail-unencrypted")
        def group(name, **encryption):
            elasticache.create_replication_group(ReplicationGroupId=name, ReplicationGroupDescription="cache", CacheNodeType="cache.t4g.micro", Engine="redis", **encryption)
        group("pass-cmk", AtRestEncryptionEnabled=True, KmsKeyId=cmk)
        group("fail-service-owned", AtRestEncryptionEnabled=True)
        group("fail-unencrypted")
        print(json.dumps({"cmk": cmk}))
        """;

    [Theory]
    [InlineData("redshift-cluster-cmk-encryption", new[] { "pass-cmk", "fail-service-default", "fail-aws-managed-by-arn", "fail-unencrypted" })]
    [InlineData("elasticache-replication-group-cmk-encryption", new[] { "pass-cmk", "fail-service-owned", "fail-unencrypted" })]
    public void A_resource_on_a_cmk_passes_and_those_on_the_service_default_or_unencrypted_fail(string ruleId, string[] names) =>
        AssertEachGetsTheVerdictItsNameSays(ruleId, names);

    [Theory]
    [InlineData("redshift-cluster-storage-encrypted")]
    [InlineData("elasticache-replication-group-storage-encrypted")]
    public void Only_the_unencrypted_resource_fails_the_storage_rule(string ruleId)
    {
        var verdicts = Scans.Verdicts(Scan().Inventory, ruleId);

        Assert.Equal(["fail-unencrypted"], verdicts.Where(verdict => verdict.Value == ResultStatus.Fail).Select(verdict => verdict.Key));
        Assert.All(verdicts.Where(verdict => verdict.Key != "fail-unencrypted"), verdict => Assert.Equal(ResultStatus.Pass, verdict.Value));
    }

    [Fact]
    public void Each_resource_is_identified_by_its_arn_and_judged_by_the_level_of_its_real_key()
    {
        var inventory = Scan().Inventory;

        var clusters = inventory.Resources.OfType<RedshiftCluster>().ToDictionary(cluster => cluster.Name.Value);
        Assert.Equal("arn:aws:redshift:eu-west-1:123456789012:cluster:pass-cmk", clusters["pass-cmk"].Id);
        Assert.Equal(Cmk, Assert.IsType<KeyReference.Described>(clusters["pass-cmk"].Key).Key.Arn.Value);
        Assert.Equal(new Dictionary<string, string> { ["owner"] = "analytics" }, clusters["pass-cmk"].Tags.Value);
        Assert.IsType<KeyReference.ServiceDefault>(clusters["fail-service-default"].Key);
        Assert.Equal(KeyLevel.AwsManaged, clusters["fail-aws-managed-by-arn"].KeyLevel.Value);
        Assert.Equal(KeyLevel.None, clusters["fail-unencrypted"].KeyLevel.Value);

        var groups = inventory.Resources.OfType<ElastiCacheReplicationGroup>().ToDictionary(group => group.Name.Value);
        Assert.Equal("arn:aws:elasticache:eu-west-1:123456789012:replicationgroup:pass-cmk", groups["pass-cmk"].Id);
        Assert.Equal(KeyLevel.Customer, groups["pass-cmk"].KeyLevel.Value);
        Assert.IsType<KeyReference.AwsOwned>(groups["fail-service-owned"].Key);
        Assert.Equal(KeyLevel.None, groups["fail-unencrypted"].KeyLevel.Value);
    }
}
