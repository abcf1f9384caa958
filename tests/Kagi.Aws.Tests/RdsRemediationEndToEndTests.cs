using Kagi.Rules;
using Kagi.Rules.Aws.Rds.Instances;

namespace Kagi.Aws.Tests;

/// <summary>
/// The AWS CLI fixes of the RDS key rules work as printed in moto (<see cref="PrintedCliFix"/>): the rescan passes the
/// replacement of the failing instance or cluster. Not provable here: DocumentDB (moto 5.2 refuses the docdb engine), and
/// a cluster's "unencrypted" variant (moto restores a snapshot with --kms-key-id but leaves StorageEncrypted false).
/// </summary>
public sealed class RdsRemediationEndToEndTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        rds = boto3.client("rds")
        aws_rds_arn = aws_managed_key("rds")
        db = dict(DBInstanceClass="db.t3.micro", MasterUsername="admin1", MasterUserPassword="password123", AllocatedStorage=20, Engine="postgres")
        rds.create_db_instance(DBInstanceIdentifier="orders", StorageEncrypted=True, KmsKeyId=aws_rds_arn, **db)
        rds.create_db_instance(DBInstanceIdentifier="ledger", **db)
        rds.create_db_cluster(DBClusterIdentifier="catalog", Engine="aurora-postgresql", MasterUsername="admin1", MasterUserPassword="password123", StorageEncrypted=True, KmsKeyId=aws_rds_arn)
        rds.create_db_instance(DBInstanceIdentifier="catalog-1", DBClusterIdentifier="catalog", Engine="aurora-postgresql", DBInstanceClass="db.r6g.large")
        """;

    [Theory]
    [InlineData("rds-instance-cmk-encryption", "orders", null)]
    [InlineData("rds-instance-cmk-encryption", "ledger", CmkEncryptionRule<RdsInstance>.UnencryptedVariant)]
    [InlineData("rds-cluster-cmk-encryption", "catalog", null)]
    public void The_printed_cli_fix_makes_a_replacement_that_passes_and_breaks_nothing_that_passed(string ruleId, string name, string? variant)
    {
        // Given a store on aws/rds, or unencrypted, which the CMK rule fails, when its printed fix runs
        var fix = PrintedCliFix.Run(Endpoint, Region, ruleId, name);

        // Then the rescan finds the replacement under a customer-managed key with rotation on, and it passes
        Assert.Equal(variant, fix.Finding.Result.RemediationVariant);
        fix.AssertProtectedByARotatedCmk(fix.Named($"{name}-cmk"));
    }
}
