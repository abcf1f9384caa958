namespace Kagi.Aws.Tests;

/// <summary>
/// The printed AWS CLI fixes of the kinds on the JSON, REST-JSON and Query clients work in moto (<see cref="PrintedCliFix"/>):
/// the rescan passes the fixed resource under a customer-managed key with rotation on, changed in place (a secret, a
/// stream, a topic, an unencrypted domain) or, where the key cannot change, the replacement the fix creates (an ECR
/// repository, its images copied, an ElastiCache replication group, backed up and restored). A Backup vault's fix lists its
/// recovery points, which moto cannot, so it is proven where those steps are recorded instead (BackupVaultMigrationMotoTests);
/// a domain on aws/es, rebuilt through a manual snapshot of its REST API, is proven by <see cref="OpenSearchMigrationMotoTests"/>.
/// </summary>
/// <remarks>
/// Not proven here, only on their Terraform side (<c>TerraformFixAppliedTests</c>): the log group fix (<c>aws logs
/// associate-kms-key</c>), since moto 5.2 does not implement AssociateKmsKey, and the Redshift fix (<c>aws redshift
/// modify-cluster --encrypted --kms-key-id</c>), since moto 5.2's ModifyCluster ignores <c>KmsKeyId</c>.
/// </remarks>
public sealed class StoreRemediationTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Region = "eu-west-1";

    public static TheoryData<string, string, string, string, string> Fixes => new()
    {
        // rule, resource, how boto3 makes it failing, what the printed fix must say, the resource that passes after it
        {
            "secretsmanager-secret-cmk-encryption", "app-db",
            """boto3.client("secretsmanager").create_secret(Name="app-db", SecretString="s3cret")""",
            "aws secretsmanager update-secret --region eu-west-1 \\\n  --secret-id app-db", "app-db"
        },
        {
            "kinesis-stream-cmk-encryption", "clicks",
            """boto3.client("kinesis").create_stream(StreamName="clicks", ShardCount=1)""",
            "aws kinesis start-stream-encryption --region eu-west-1 \\\n  --stream-name clicks", "clicks"
        },
        {
            "kinesis-stream-cmk-encryption", "orders",
            """k = boto3.client("kinesis"); k.create_stream(StreamName="orders", ShardCount=1); k.start_stream_encryption(StreamName="orders", EncryptionType="KMS", KeyId="alias/aws/kinesis")""",
            "aws kinesis start-stream-encryption --region eu-west-1 \\\n  --stream-name orders", "orders"
        },
        {
            "kinesis-stream-storage-encrypted", "views",
            """boto3.client("kinesis").create_stream(StreamName="views", ShardCount=1)""",
            "aws kinesis start-stream-encryption --region eu-west-1 \\\n  --stream-name views", "views"
        },
        {
            "ecr-repository-cmk-encryption", "images",
            """boto3.client("ecr").create_repository(repositoryName="images")""",
            "aws ecr create-repository --region \"$REGION\" \\\n  --repository-name \"$NEW\"", "images-cmk"
        },
        {
            "sns-topic-cmk-encryption", "alerts",
            """boto3.client("sns").create_topic(Name="alerts", Attributes={"KmsMasterKeyId": "alias/aws/sns"})""",
            "aws sns set-topic-attributes --region eu-west-1 --topic-arn \"$TOPIC_ARN\"", "alerts"
        },
        {
            "sns-topic-cmk-encryption", "orders",
            """boto3.client("sns").create_topic(Name="orders")""",
            "aws sns set-topic-attributes --region eu-west-1 --topic-arn \"$TOPIC_ARN\"", "orders"
        },
        {
            "sns-topic-storage-encrypted", "events",
            """boto3.client("sns").create_topic(Name="events")""",
            "--attribute-name KmsMasterKeyId", "events"
        },
        {
            "opensearch-domain-cmk-encryption", "search",
            """boto3.client("opensearch").create_domain(DomainName="search")""",
            "aws opensearch update-domain-config --region eu-west-1 \\\n  --domain-name search", "search"
        },
        {
            "opensearch-domain-storage-encrypted", "metrics",
            """boto3.client("opensearch").create_domain(DomainName="metrics")""",
            "aws opensearch update-domain-config --region eu-west-1 \\\n  --domain-name metrics", "metrics"
        },
        {
            "elasticache-replication-group-cmk-encryption", "sessions",
            """boto3.client("elasticache").create_replication_group(ReplicationGroupId="sessions", ReplicationGroupDescription="d", CacheNodeType="cache.t4g.micro", Engine="redis", AtRestEncryptionEnabled=True)""",
            "aws elasticache create-replication-group --region \"$REGION\" \\\n  --replication-group-id \"$NEW\"", "sessions-cmk"
        },
        {
            "elasticache-replication-group-cmk-encryption", "carts",
            """boto3.client("elasticache").create_replication_group(ReplicationGroupId="carts", ReplicationGroupDescription="d", CacheNodeType="cache.t4g.micro", Engine="redis")""",
            "aws elasticache create-replication-group --region \"$REGION\" \\\n  --replication-group-id \"$NEW\"", "carts-cmk"
        },
        {
            "elasticache-replication-group-storage-encrypted", "queues",
            """boto3.client("elasticache").create_replication_group(ReplicationGroupId="queues", ReplicationGroupDescription="d", CacheNodeType="cache.t4g.micro", Engine="redis")""",
            "aws elasticache create-replication-group --region \"$REGION\" \\\n  --replication-group-id \"$NEW\"", "queues-cmk"
        },
    };

    [Theory]
    [MemberData(nameof(Fixes))]
    public void The_printed_cli_fix_makes_the_failing_resource_or_its_replacement_pass_under_a_cmk(string ruleId, string name, string create, string fixSays, string fixedName)
    {
        ExternalProcess.RunPython($"import boto3\n{create}\n", moto.Endpoint, Region);

        var fix = PrintedCliFix.Run(moto.Endpoint, Region, ruleId, name);

        Assert.Contains(fixSays, fix.Cli, StringComparison.Ordinal);
        fix.AssertProtectedByARotatedCmk(fix.Named(fixedName));
    }
}
