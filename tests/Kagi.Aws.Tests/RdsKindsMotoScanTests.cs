using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.DocDb.Clusters;
using Kagi.Rules.Aws.Rds.Clusters;
using Kagi.Rules.Aws.Rds.Instances;

namespace Kagi.Aws.Tests;

/// <summary>
/// RDS instances and clusters made with boto3 in moto, an independent AWS emulator, then scanned by Kagi. moto reports
/// its aws/rds key as KeyManager=CUSTOMER; the AWS-managed verdict comes from ListAliases, which names it alias/aws/rds
/// (recognised without DescribeKey). moto 5.2 refuses the docdb engine, so DocumentDB clusters are proven on the fake
/// only; here their listing is shown to read moto's answer cleanly.
/// </summary>
public sealed class RdsKindsMotoScanTests : MotoScenarioTests
{
    private const string Setup = """
        rds = boto3.client("rds")
        cmk = kms.create_key(Description="rds cmk")["KeyMetadata"]["Arn"]
        aws_rds_arn = aws_managed_key("rds")
        db = dict(DBInstanceClass="db.t3.micro", MasterUsername="admin1", MasterUserPassword="password123", AllocatedStorage=20)
        rds.create_db_instance(DBInstanceIdentifier="pass-db-cmk", Engine="postgres", StorageEncrypted=True, KmsKeyId=cmk, **db)
        rds.create_db_instance(DBInstanceIdentifier="fail-db-aws-managed", Engine="mysql", StorageEncrypted=True, KmsKeyId=aws_rds_arn, **db)
        rds.create_db_instance(DBInstanceIdentifier="fail-db-unencrypted", Engine="mysql", **db)
        cluster = dict(MasterUsername="admin1", MasterUserPassword="password123")
        rds.create_db_cluster(DBClusterIdentifier="pass-aurora-cmk", Engine="aurora-postgresql", StorageEncrypted=True, KmsKeyId=cmk, **cluster)
        rds.create_db_cluster(DBClusterIdentifier="fail-aurora-aws-managed", Engine="aurora-mysql", StorageEncrypted=True, KmsKeyId=aws_rds_arn, **cluster)
        rds.create_db_cluster(DBClusterIdentifier="fail-aurora-unencrypted", Engine="aurora-postgresql", **cluster)
        rds.create_db_instance(DBInstanceIdentifier="pass-aurora-cmk-1", DBClusterIdentifier="pass-aurora-cmk", Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
        boto3.client("neptune").create_db_cluster(DBClusterIdentifier="graph", Engine="neptune", StorageEncrypted=True, KmsKeyId=cmk)
        """;

    private readonly AwsScanResult _result;

    public RdsKindsMotoScanTests(MotoServer moto)
        : base(moto, Setup) => _result = Scan();

    [Theory]
    [InlineData("rds-instance-cmk-encryption", new[] { "pass-db-cmk", "fail-db-aws-managed", "fail-db-unencrypted" })]
    [InlineData("rds-cluster-cmk-encryption", new[] { "pass-aurora-cmk", "fail-aurora-aws-managed", "fail-aurora-unencrypted" })]
    public void A_cmk_passes_and_the_aws_managed_key_or_no_encryption_fails(string ruleId, string[] names) =>
        AssertEachGetsTheVerdictItsNameSays(ruleId, names);

    [Theory]
    [InlineData("rds-instance-storage-encrypted", "fail-db-unencrypted")]
    [InlineData("rds-cluster-storage-encrypted", "fail-aurora-unencrypted")]
    public void The_storage_encrypted_rule_fails_only_the_unencrypted_store(string ruleId, string unencrypted)
    {
        var failing = Scans.Verdicts(_result.Inventory, ruleId).Where(v => v.Value == ResultStatus.Fail).Select(v => v.Key);

        Assert.Equal([unencrypted], failing);
    }

    [Fact]
    public void An_instance_is_identified_by_its_arn_and_its_key_described_by_kms()
    {
        var instance = _result.Inventory.Resources.OfType<RdsInstance>().Single(i => i.Name.Value == "pass-db-cmk");

        Assert.Equal("arn:aws:rds:eu-west-1:123456789012:db:pass-db-cmk", instance.Id);
        Assert.Equal(KeyManager.Customer, Assert.IsType<KeyReference.Described>(instance.Key).Key.Manager.Value);
    }

    [Fact]
    public void Aurora_members_neptune_and_documentdb_are_not_judged_as_rds_instances_or_clusters_and_nothing_is_unread()
    {
        Assert.DoesNotContain("pass-aurora-cmk-1", _result.Inventory.Resources.OfType<RdsInstance>().Select(i => i.Name.Value));
        Assert.DoesNotContain("graph", _result.Inventory.Resources.OfType<RdsCluster>().Select(c => c.Name.Value));
        Assert.Empty(_result.Inventory.Resources.OfType<DocDbCluster>());
        Assert.Empty(_result.Inventory.Unscanned);
    }
}
