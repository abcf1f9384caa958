using System.Text.Json;
using Kagi.Aws.Tests.Fake;

namespace Kagi.Aws.Tests;

/// <summary>The fake's DynamoDB, SQS and S3 checked by boto3, so that Kagi's SDK clients and the fake cannot agree on a wrong wire format.</summary>
public sealed class SdkStoreFakeAwsTests
{
    private const string Script = """
        import boto3, botocore, botocore.config, json
        session = boto3.session.Session()
        out = {}
        dynamodb = session.client("dynamodb", region_name="eu-central-1")
        pages = list(dynamodb.get_paginator("list_tables").paginate(PaginationConfig={"PageSize": 100}))
        out["table_pages"] = len(pages)
        out["tables"] = sum(len(p["TableNames"]) for p in pages)
        verdicts = session.client("dynamodb", region_name="eu-west-1")
        out["table_sse"] = verdicts.describe_table(TableName="pass_table_cmk")["Table"]["SSEDescription"]
        out["table_owned"] = "SSEDescription" in verdicts.describe_table(TableName="fail_table_aws_owned")["Table"]
        try:
            session.client("dynamodb", region_name="eu-north-1").list_tables()
        except botocore.exceptions.ClientError as e:
            out["tables_denied"] = e.response["Error"]["Code"]
        sqs = session.client("sqs", region_name="eu-central-1")
        pages = list(sqs.get_paginator("list_queues").paginate(PaginationConfig={"PageSize": 100}))
        out["queue_pages"] = len(pages)
        out["queues"] = sum(len(p["QueueUrls"]) for p in pages)
        verdict_queues = session.client("sqs", region_name="eu-west-1")
        url = next(u for u in verdict_queues.list_queues()["QueueUrls"] if u.endswith("/pass_queue_customer_alias"))
        out["queue_key"] = verdict_queues.get_queue_attributes(QueueUrl=url, AttributeNames=["KmsMasterKeyId", "SqsManagedSseEnabled"])["Attributes"]
        try:
            session.client("sqs", region_name="eu-north-1").list_queues()
        except botocore.exceptions.ClientError as e:
            out["queues_denied"] = e.response["Error"]["Code"]
        s3 = session.client("s3", region_name="eu-central-1", config=botocore.config.Config(s3={"addressing_style": "path"}))
        pages = list(s3.get_paginator("list_buckets").paginate(BucketRegion="eu-central-1", PaginationConfig={"PageSize": 100}))
        out["bucket_pages"] = len(pages)
        out["buckets"] = sum(len(p["Buckets"]) for p in pages)
        out["bucket_regions"] = sorted({b["BucketRegion"] for b in s3.list_buckets(MaxBuckets=10000)["Buckets"]})
        verdict_s3 = session.client("s3", region_name="eu-west-1", config=botocore.config.Config(s3={"addressing_style": "path"}))
        out["bucket_sse"] = verdict_s3.get_bucket_encryption(Bucket="pass_bucket_dsse")["ServerSideEncryptionConfiguration"]["Rules"][0]["ApplyServerSideEncryptionByDefault"]
        try:
            verdict_s3.get_bucket_encryption(Bucket="fail_bucket_never_configured")
        except botocore.exceptions.ClientError as e:
            out["bucket_unconfigured"] = e.response["Error"]["Code"]
        try:
            session.client("s3", region_name="eu-north-1", config=botocore.config.Config(s3={"addressing_style": "path"})).list_buckets()
        except botocore.exceptions.ClientError as e:
            out["buckets_denied"] = e.response["Error"]["Code"]
        print(json.dumps(out))
        """;

    [Fact]
    public async Task Boto3_reads_the_fakes_data_stores_as_it_reads_aws()
    {
        await using var fake = await FakeAws.StartAsync(Scenarios.All());

        using var json = JsonDocument.Parse(ExternalProcess.RunPython(Script, fake.Endpoint));
        var result = json.RootElement;

        Assert.Equal(2, result.GetProperty("table_pages").GetInt32());
        Assert.Equal(Scenarios.PagingStores, result.GetProperty("tables").GetInt32());
        Assert.Equal("KMS", result.GetProperty("table_sse").GetProperty("SSEType").GetString());
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), result.GetProperty("table_sse").GetProperty("KMSMasterKeyArn").GetString());
        Assert.False(result.GetProperty("table_owned").GetBoolean());
        Assert.Equal("AccessDeniedException", result.GetProperty("tables_denied").GetString());
        Assert.Equal(2, result.GetProperty("queue_pages").GetInt32());
        Assert.Equal(Scenarios.PagingStores, result.GetProperty("queues").GetInt32());
        Assert.Equal("alias/app-data", result.GetProperty("queue_key").GetProperty("KmsMasterKeyId").GetString());
        Assert.Equal("false", result.GetProperty("queue_key").GetProperty("SqsManagedSseEnabled").GetString());
        Assert.Equal("AccessDeniedException", result.GetProperty("queues_denied").GetString());
        Assert.Equal(2, result.GetProperty("bucket_pages").GetInt32());
        Assert.Equal(Scenarios.PagingStores, result.GetProperty("buckets").GetInt32());
        Assert.Contains(Scenarios.Verdicts, result.GetProperty("bucket_regions").EnumerateArray().Select(region => region.GetString()));
        Assert.Contains(Scenarios.Paging, result.GetProperty("bucket_regions").EnumerateArray().Select(region => region.GetString()));
        Assert.Equal("aws:kms:dsse", result.GetProperty("bucket_sse").GetProperty("SSEAlgorithm").GetString());
        Assert.Equal(Scenarios.KeyArn(Scenarios.Verdicts, 1), result.GetProperty("bucket_sse").GetProperty("KMSMasterKeyID").GetString());
        Assert.Equal("ServerSideEncryptionConfigurationNotFoundError", result.GetProperty("bucket_unconfigured").GetString());
        Assert.Equal("AccessDeniedException", result.GetProperty("buckets_denied").GetString());
    }
}
