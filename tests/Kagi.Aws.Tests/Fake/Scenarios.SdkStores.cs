using Kagi.Aws.Tests.Fake.Apis;
using Kagi.Rules.Aws.DynamoDb.Tables;
using Kagi.Rules.Aws.S3.Buckets;
using Kagi.Rules.Aws.Sqs.Queues;

namespace Kagi.Aws.Tests.Fake;

/// <summary>
/// The data stores read through AWS SDK clients (DynamoDB tables, SQS queues, S3 buckets): verdicts and paging in the
/// shared regions, and a region of their own where every listing is denied (for the boto3 tests of the fake). They use only keys the
/// regions already hold, so the key lookups the other tests count stay as they are.
/// </summary>
internal static partial class Scenarios
{
    /// <summary>Where the listing of each of these kinds is refused.</summary>
    public const string StoresDenied = "eu-north-1";

    /// <summary>Stores of each kind in the paging region: more than one page of the fake's 100.</summary>
    public const int PagingStores = 120;

    /// <summary>The kinds, by CloudFormation type, with the service and listing call of each.</summary>
    public static IReadOnlyList<(string Kind, string Service, string ListCall)> SdkStoreKinds { get; } =
    [
        (DynamoDbTable.Descriptor.Type, "dynamodb", "ListTables"),
        (SqsQueue.Descriptor.Type, "sqs", "ListQueues"),
        (S3Bucket.Descriptor.Type, "s3", "ListBuckets"),
    ];

    private static void AddSdkStores(FakeScenario scenario)
    {
        foreach (var (kind, service, listCall) in SdkStoreKinds)
        {
            var noun = kind.Split("::")[^1].ToLowerInvariant();
            scenario[Verdicts].Stores.AddRange(
            [
                new(kind, $"pass_{noun}_cmk", KmsKeyId: KeyArn(Verdicts, 1)),
                new(kind, $"fail_{noun}_aws_managed", KmsKeyId: KeyArn(Verdicts, 6)),
                new(kind, $"fail_{noun}_aws_owned"),
                new(kind, $"unknown_{noun}_cross_account_denied", KmsKeyId: KeyArn(Verdicts, 7, "999988887777")),
            ]);
            if (kind == SqsQueue.Descriptor.Type)
            {
                // Queues may also be unencrypted, or name their key by alias: a customer alias and the reserved AWS-managed one.
                scenario[Verdicts].Stores.AddRange(
                [
                    new(kind, "fail_queue_unencrypted", Encrypted: false),
                    new(kind, "pass_queue_customer_alias", KmsKeyId: "alias/app-data"),
                    new(kind, "fail_queue_aws_managed_alias", KmsKeyId: "alias/aws/sqs"),
                ]);
            }

            if (kind == S3Bucket.Descriptor.Type)
            {
                // DSSE-KMS counts as KMS; KMS without a key is aws/s3; a bucket never configured is SSE-S3.
                scenario[Verdicts].Stores.AddRange(
                [
                    new(kind, "pass_bucket_dsse", KmsKeyId: KeyArn(Verdicts, 1)) { Extra = new Dictionary<string, string> { [S3Api.SseAlgorithm] = "aws:kms:dsse" } },
                    new(kind, "fail_bucket_kms_without_key") { Extra = new Dictionary<string, string> { [S3Api.SseAlgorithm] = "aws:kms" } },
                    new(kind, "fail_bucket_never_configured") { Extra = new Dictionary<string, string> { [S3Api.NoConfiguration] = "true" } },
                ]);
            }

            scenario[Paging].Stores.AddRange(Enumerable.Range(0, PagingStores).Select(i => new FakeStore(kind, $"pass_{noun}_{i:D3}", KmsKeyId: KeyArn(Paging, (i % PagingKeys) + 1))));
            scenario.Regions.TryAdd(StoresDenied, new FakeRegion());
            scenario[StoresDenied].Stores.Add(new(kind, $"never_seen_{noun}"));
            scenario[StoresDenied].Faults.Add(new(service, FaultKind.AccessDenied, Action: listCall));
        }
    }
}
