using Kagi.Rules.Aws.Neptune.Clusters;

namespace Kagi.Aws.Tests;

/// <summary>
/// The Neptune cluster rebuild, proven in moto (<see cref="DbClusterMigrationMotoTests{TCluster}"/>). What moto 5.2 cannot
/// emulate: IAM database authentication (moto refuses it for a Neptune cluster, so the cluster has it off and the script
/// carries "off"); restoring a Neptune snapshot (mended by the fixture's patch).
/// </summary>
public sealed class NeptuneMigrationMotoTests(DbClusterMigrationMotoTests<NeptuneCluster>.PatchedMoto moto)
    : DbClusterMigrationMotoTests<NeptuneCluster>(moto, Setup)
{
    private const string Setup = """
        import boto3
        iam = boto3.client("iam"); ec2 = boto3.client("ec2"); kms = boto3.client("kms"); neptune = boto3.client("neptune")
        aws_rds = next(a for a in kms.list_aliases()["Aliases"] if a["AliasName"] == "alias/aws/rds")
        aws_rds_arn = aws_rds["AliasArn"].replace("alias/aws/rds", "key/" + aws_rds["TargetKeyId"])
        role = iam.create_role(RoleName="graph-loader", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        vpc = ec2.describe_vpcs()["Vpcs"][0]["VpcId"]
        group = ec2.create_security_group(GroupName="graph", Description="graph clients", VpcId=vpc)["GroupId"]
        neptune.create_db_cluster_parameter_group(DBClusterParameterGroupName="graph-params", DBParameterGroupFamily="neptune1.3", Description="graph")
        def cluster(name, **encryption):
            neptune.create_db_cluster(
                DBClusterIdentifier=name, Engine="neptune", VpcSecurityGroupIds=[group], DBClusterParameterGroupName="graph-params",
                BackupRetentionPeriod=14, DeletionProtection=True, EnableCloudwatchLogsExports=["audit"], CopyTagsToSnapshot=True,
                Tags=[{"Key": "team", "Value": "graph"}], **encryption)
            neptune.add_role_to_db_cluster(DBClusterIdentifier=name, RoleArn=role)
            neptune.create_db_instance(DBInstanceIdentifier=name + "-a", DBClusterIdentifier=name, Engine="neptune",
                DBInstanceClass="db.r5.xlarge", AvailabilityZone="eu-west-1a", PromotionTier=1)
            neptune.create_db_instance(DBInstanceIdentifier=name + "-b", DBClusterIdentifier=name, Engine="neptune",
                DBInstanceClass="db.r5.large", AvailabilityZone="eu-west-1b", PromotionTier=2)
        cluster("managed", StorageEncrypted=True, KmsKeyId=aws_rds_arn)
        cluster("plain", StorageEncrypted=False)
        """;

    protected override bool IamAuthentication => false;

    protected override string CmkRule => "neptune-cluster-cmk-encryption";
}
