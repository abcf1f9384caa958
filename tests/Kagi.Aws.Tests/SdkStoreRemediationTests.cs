using Kagi.Core.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// The AWS CLI fixes Kagi prints for the data stores read through SDK clients work in moto (<see cref="PrintedCliFix"/>):
/// the store they change in place then passes.
/// </summary>
/// <remarks>
/// Not provable here: dynamodb-table-cmk-encryption's <c>aws dynamodb update-table --sse-specification …</c>. moto's
/// UpdateTable ignores SSESpecification (it keeps the table's creation-time encryption), so that fix is proven only on its
/// Terraform side (TerraformFixAppliedTests).
/// The region is one the AWS CLI v1 does not pin: for older regions it sends SQS commands to the legacy
/// <c>REGION.queue.amazonaws.com</c> host whatever <c>AWS_ENDPOINT_URL</c> says (only <c>--endpoint-url</c> overrides it),
/// which reaches AWS but never an emulator.
/// </remarks>
public sealed class SdkStoreRemediationTests : IClassFixture<MotoServer>
{
    private const string Region = "eu-central-2";

    private readonly MotoServer _moto;

    public SdkStoreRemediationTests(MotoServer moto) => _moto = moto;

    [Theory]
    [InlineData("sqs-queue-cmk-encryption", "queue-on-sse-sqs", """{}""")]
    [InlineData("sqs-queue-cmk-encryption", "queue-unencrypted", """{"SqsManagedSseEnabled": "false"}""")]
    [InlineData("sqs-queue-storage-encrypted", "queue-turned-off", """{"SqsManagedSseEnabled": "false"}""")]
    public void The_printed_cli_fix_of_a_queue_makes_it_pass_and_breaks_nothing(string ruleId, string name, string attributes)
    {
        ExternalProcess.RunPython($"""
            import boto3, json
            boto3.client("sqs").create_queue(QueueName="{name}", Attributes=json.loads('{attributes}'))
            """, _moto.Endpoint, Region);
        AssertPrintedFixMakesItPass(ruleId, name);
    }

    [Theory]
    [InlineData("bucket-on-sse-s3", "AES256")]
    [InlineData("bucket-on-aws-s3", "aws:kms")]
    public void The_printed_cli_fix_of_a_bucket_makes_it_pass_and_breaks_nothing(string name, string algorithm)
    {
        ExternalProcess.RunPython($"""
            import boto3
            s3 = boto3.client("s3")
            s3.create_bucket(Bucket="{name}", CreateBucketConfiguration=dict(LocationConstraint="{Region}"))
            default = dict(SSEAlgorithm="{algorithm}")
            s3.put_bucket_encryption(Bucket="{name}", ServerSideEncryptionConfiguration=dict(Rules=[dict(ApplyServerSideEncryptionByDefault=default)]))
            """, _moto.Endpoint, Region);
        AssertPrintedFixMakesItPass("s3-bucket-cmk-encryption", name);
    }

    private void AssertPrintedFixMakesItPass(string ruleId, string name)
    {
        var fix = PrintedCliFix.Run(_moto.Endpoint, Region, ruleId, name);

        Assert.Equal(ResultStatus.Pass, fix.StatusOf(ruleId, fix.Finding.Resource.Id));
    }
}
