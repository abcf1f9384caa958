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

    [Theory]
    [InlineData("dynamodb-table-cmk-encryption", new[] { "pass-table-cmk", "fail-table-aws-owned", "fail-table-aws-managed" })]
    [InlineData("sqs-queue-cmk-encryption", new[] { "pass-queue-cmk", "pass-queue-customer-alias", "fail-queue-sse-sqs", "fail-queue-aws-managed-alias", "fail-queue-unencrypted" })]
    // elsewhere-bucket-cmk, in us-west-2, waits for a scan of its own region
    [InlineData("s3-bucket-cmk-encryption", new[] { "pass-bucket-cmk", "pass-bucket-dsse", "fail-bucket-sse-s3", "fail-bucket-never-configured", "fail-bucket-kms-without-key" })]
    public void Each_store_of_the_scanned_region_is_judged_by_its_real_key(string ruleId, string[] names) =>
        AssertEachGetsTheVerdictItsNameSays(ruleId, names);

    [Fact]
    public void A_table_is_known_by_its_arn_and_without_a_kms_key_is_on_the_aws_owned_one()
    {
        var tables = Scan().Inventory.Resources.OfType<DynamoDbTable>().ToDictionary(table => table.Name.Value);

        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/pass-table-cmk", tables["pass-table-cmk"].Id);
        Assert.IsType<KeyReference.AwsOwned>(tables["fail-table-aws-owned"].Key);
        Assert.Equal(KeyLevel.AwsManaged, tables["fail-table-aws-managed"].KeyLevel.Value);
    }

    [Fact]
    public void Only_the_unencrypted_queue_fails_the_storage_rule()
    {
        var encrypted = Scans.Verdicts(Scan().Inventory, "sqs-queue-storage-encrypted");

        Assert.Equal(["fail-queue-unencrypted"], encrypted.Where(v => v.Value != ResultStatus.Pass).Select(v => v.Key));
    }

    [Fact]
    public void A_bucket_is_known_by_its_arn()
    {
        Assert.Equal("arn:aws:s3:::pass-bucket-cmk", Assert.Single(Scan().Inventory.Resources.OfType<S3Bucket>(), bucket => bucket.Name.Value == "pass-bucket-cmk").Id);
    }
}
