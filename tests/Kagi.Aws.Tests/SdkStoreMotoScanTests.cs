using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules.Aws.DynamoDb.Tables;
using Kagi.Rules.Aws.S3.Buckets;

namespace Kagi.Aws.Tests;

/// <summary>
/// The data stores read through AWS SDK clients, against moto: each made with boto3 on a CMK, on the service's default
/// and on the AWS-managed key, then scanned by Kagi. moto reports its <c>aws/*</c> keys as KeyManager=CUSTOMER: the
/// AWS-managed answer comes from the alias alone (ListAliases), which is what these tests rely on.
/// </summary>
public sealed class SdkStoreMotoScanTests(MotoServer moto) : MotoScenarioTests(moto, Setup)
{
    private const string Setup = """
        dynamodb = boto3.client("dynamodb")
        cmk = kms.create_key(Description="data store cmk")["KeyMetadata"]["Arn"]
        table = dict(AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}], BillingMode="PAY_PER_REQUEST")
        dynamodb.create_table(TableName="pass-table-cmk", SSESpecification={"Enabled": True, "SSEType": "KMS", "KMSMasterKeyId": cmk}, **table)
        dynamodb.create_table(TableName="fail-table-aws-owned", **table)
        dynamodb.create_table(TableName="fail-table-aws-managed", SSESpecification={"Enabled": True, "SSEType": "KMS"}, **table)
        sqs = boto3.client("sqs")
        kms.create_alias(AliasName="alias/queue-app", TargetKeyId=cmk)
        sqs.create_queue(QueueName="pass-queue-cmk", Attributes={"KmsMasterKeyId": cmk})
        sqs.create_queue(QueueName="pass-queue-customer-alias", Attributes={"KmsMasterKeyId": "alias/queue-app"})
        sqs.create_queue(QueueName="fail-queue-sse-sqs")
        sqs.create_queue(QueueName="fail-queue-aws-managed-alias", Attributes={"KmsMasterKeyId": "alias/aws/sqs"})
        sqs.create_queue(QueueName="fail-queue-unencrypted", Attributes={"SqsManagedSseEnabled": "false"})
        def bucket(name, region="eu-west-1", algorithm=None, key=None):
            s3 = boto3.client("s3", region_name=region)
            s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": region})
            if algorithm:
                default = {"SSEAlgorithm": algorithm} | ({"KMSMasterKeyID": key} if key else {})
                s3.put_bucket_encryption(Bucket=name, ServerSideEncryptionConfiguration={"Rules": [{"ApplyServerSideEncryptionByDefault": default}]})
        bucket("pass-bucket-cmk", algorithm="aws:kms", key=cmk)
        bucket("pass-bucket-dsse", algorithm="aws:kms:dsse", key=cmk)
        bucket("fail-bucket-sse-s3", algorithm="AES256")
        bucket("fail-bucket-never-configured")
        bucket("fail-bucket-kms-without-key", algorithm="aws:kms")
        bucket("elsewhere-bucket-cmk", region="us-west-2", algorithm="aws:kms", key=cmk)
        """;

    [Fact]
    public void Dynamodb_tables_are_judged_by_their_real_key()
    {
        var result = Scan();

        var verdicts = Scans.Verdicts(result.Inventory, "dynamodb-table-cmk-encryption");
        Assert.Equal(ResultStatus.Pass, verdicts["pass-table-cmk"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-table-aws-owned"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-table-aws-managed"]);
        Assert.Equal(3, verdicts.Count);

        var tables = result.Inventory.Resources.OfType<DynamoDbTable>().ToDictionary(table => table.Name.Value);
        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/pass-table-cmk", tables["pass-table-cmk"].Id);
        Assert.IsType<KeyReference.AwsOwned>(tables["fail-table-aws-owned"].Key);
        Assert.Equal(KeyLevel.AwsManaged, tables["fail-table-aws-managed"].KeyLevel.Value);
        Assert.Empty(result.Inventory.Unscanned);
    }

    [Fact]
    public void Sqs_queues_are_judged_by_their_real_key_and_only_the_unencrypted_one_fails_the_storage_rule()
    {
        var result = Scan();

        var verdicts = Scans.Verdicts(result.Inventory, "sqs-queue-cmk-encryption");
        Assert.Equal(ResultStatus.Pass, verdicts["pass-queue-cmk"]);
        Assert.Equal(ResultStatus.Pass, verdicts["pass-queue-customer-alias"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-queue-sse-sqs"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-queue-aws-managed-alias"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-queue-unencrypted"]);
        Assert.Equal(5, verdicts.Count);
        var encrypted = Scans.Verdicts(result.Inventory, "sqs-queue-storage-encrypted");
        Assert.Equal(["fail-queue-unencrypted"], encrypted.Where(v => v.Value != ResultStatus.Pass).Select(v => v.Key));
        Assert.Empty(result.Inventory.Unscanned);
    }

    [Fact]
    public void S3_buckets_of_the_scanned_region_are_judged_by_their_default_encryption_key()
    {
        var result = Scan();

        // the bucket in us-west-2 waits for a scan of its own region
        var verdicts = Scans.Verdicts(result.Inventory, "s3-bucket-cmk-encryption");
        Assert.Equal(ResultStatus.Pass, verdicts["pass-bucket-cmk"]);
        Assert.Equal(ResultStatus.Pass, verdicts["pass-bucket-dsse"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-bucket-sse-s3"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-bucket-never-configured"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail-bucket-kms-without-key"]);
        Assert.Equal(5, verdicts.Count);
        Assert.Equal("arn:aws:s3:::pass-bucket-cmk", Assert.Single(result.Inventory.Resources.OfType<S3Bucket>(), bucket => bucket.Name.Value == "pass-bucket-cmk").Id);
        Assert.Empty(result.Inventory.Unscanned);
    }
}
