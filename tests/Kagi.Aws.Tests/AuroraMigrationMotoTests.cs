using Kagi.Rules.Aws.Rds.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// The Aurora cluster rebuild, proven in moto (<see cref="DbClusterMigrationMotoTests{TCluster}"/>), for an Aurora
/// PostgreSQL cluster with IAM database authentication on and instances with their own DB parameter group. What moto 5.2
/// cannot emulate: restoring an unencrypted snapshot under a named key (mended by the fixture's patch).
/// </summary>
public sealed class AuroraMigrationMotoTests(DbClusterMigrationMotoTests<RdsCluster>.PatchedMoto moto)
    : DbClusterMigrationMotoTests<RdsCluster>(moto, Setup)
{
    private const string Setup = """
        import boto3
        iam = boto3.client("iam"); ec2 = boto3.client("ec2"); kms = boto3.client("kms"); rds = boto3.client("rds")
        aws_rds = next(a for a in kms.list_aliases()["Aliases"] if a["AliasName"] == "alias/aws/rds")
        aws_rds_arn = aws_rds["AliasArn"].replace("alias/aws/rds", "key/" + aws_rds["TargetKeyId"])
        role = iam.create_role(RoleName="catalog-export", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        group = ec2.create_security_group(GroupName="catalog", Description="catalog clients", VpcId=vpc)["GroupId"]
        rds.create_db_cluster_parameter_group(DBClusterParameterGroupName="catalog-params", DBParameterGroupFamily="aurora-postgresql15", Description="catalog")
        rds.create_db_parameter_group(DBParameterGroupName="catalog-db-params", DBParameterGroupFamily="aurora-postgresql15", Description="catalog")
        def cluster(name, **encryption):
            rds.create_db_cluster(
                DBClusterIdentifier=name, Engine="aurora-postgresql", EngineVersion="15.4", MasterUsername="catalog", MasterUserPassword="password123",
                VpcSecurityGroupIds=[group], DBClusterParameterGroupName="catalog-params", Port=5433,
                BackupRetentionPeriod=14, PreferredBackupWindow="03:00-04:00", PreferredMaintenanceWindow="sun:05:00-sun:06:00",
                DeletionProtection=True, EnableCloudwatchLogsExports=["postgresql"], CopyTagsToSnapshot=True, EnableIAMDatabaseAuthentication=True,
                Tags=[{"Key": "team", "Value": "catalog"}], **encryption)
            rds.add_role_to_db_cluster(DBClusterIdentifier=name, RoleArn=role)
            rds.create_db_instance(DBInstanceIdentifier=name + "-a", DBClusterIdentifier=name, Engine="aurora-postgresql",
                DBInstanceClass="db.r6g.xlarge", AvailabilityZone="eu-west-1a", PromotionTier=1, DBParameterGroupName="catalog-db-params")
            rds.create_db_instance(DBInstanceIdentifier=name + "-b", DBClusterIdentifier=name, Engine="aurora-postgresql",
                DBInstanceClass="db.r6g.large", AvailabilityZone="eu-west-1b", PromotionTier=2, DBParameterGroupName="catalog-db-params")
        cluster("managed", StorageEncrypted=True, KmsKeyId=aws_rds_arn)
        cluster("plain", StorageEncrypted=False)
        """;

    protected override bool IamAuthentication => true;

    protected override string CmkRule => "rds-cluster-cmk-encryption";
}
