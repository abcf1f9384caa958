using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.S3.Buckets;
using Kagi.Rules.Aws.Sqs.Queues;

namespace Kagi.Aws.Tests;

/// <summary>
/// The data stores read through AWS SDK clients (DynamoDB, SQS, S3) on the fake, from the one scan of every scenario:
/// each store's verdict, paging, throttling, a denied listing and a key KMS will not describe.
/// </summary>
public sealed class SdkStoreFakeScanTests : IClassFixture<FakeAccountScan>
{
    private readonly FakeAccountScan _scan;

    public SdkStoreFakeScanTests(FakeAccountScan scan) => _scan = scan;

    public static TheoryData<string, string, string> Kinds()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (kind, service, listCall) in Scenarios.SdkStoreKinds)
        {
            data.Add(kind, service, listCall);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_store_of_the_verdict_region_gets_the_verdict_its_name_says(string kind, string service, string listCall)
    {
        // Given stores on a CMK, the AWS-managed key, the AWS-owned key and another account's key that may not be described
        var findings = CmkFindings(kind, Scenarios.Verdicts);

        // Then each is judged by the key that really protects it
        Assert.Equal(Scenarios.All()[Scenarios.Verdicts].StoresOf(kind).Count, findings.Count);
        Assert.All(findings, finding => Assert.True(Scans.Expected(finding.Resource.Name.Value) == finding.Status, $"{finding.Resource.Name.Value}: {finding.Status} ({finding.Result.Reason}) through {service} {listCall}"));
        var denied = Assert.Single(findings, finding => finding.Status == ResultStatus.Unknown);
        Assert.Contains("999988887777", denied.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", denied.Result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_listing_of_more_than_one_page_is_read_to_the_end(string kind, string service, string listCall)
    {
        var findings = CmkFindings(kind, Scenarios.Paging);

        Assert.Equal(Scenarios.PagingStores, findings.Count);
        Assert.All(findings, finding => Assert.Equal(ResultStatus.Pass, finding.Status));
        Assert.Equal(2, _scan.Fake.Count(service, listCall, Scenarios.Paging));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_throttled_listing_is_retried_and_the_verdicts_are_still_right(string kind, string service, string listCall)
    {
        var findings = CmkFindings(kind, Scenarios.Throttled);

        Assert.Equal([ResultStatus.Fail, ResultStatus.Pass], findings.OrderBy(f => f.Resource.Name.Value, StringComparer.Ordinal).Select(f => f.Status));
        Assert.All(findings, finding => Assert.Equal(Scans.Expected(finding.Resource.Name.Value), finding.Status));
        Assert.Equal(3, _scan.Fake.Count(service, listCall, Scenarios.Throttled));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_denied_listing_is_an_error_naming_the_call_over_the_whole_region(string kind, string service, string listCall)
    {
        var findings = Scans.Judge(_scan.Result.Inventory).Where(f => f.Resource.Region == Scenarios.StoresDenied && f.Rule.ResourceType == kind).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, finding =>
        {
            Assert.Equal(ResultStatus.Error, finding.Status);
            Assert.Matches($@"^arn:aws:{service}:{Scenarios.StoresDenied}:{Scenarios.Account}:.*\*$", finding.Resource.Id);
            Assert.Contains($"{service}:{listCall} in {Scenarios.Account}/{Scenarios.StoresDenied} failed: access denied", finding.Result.Reason, StringComparison.Ordinal);
        });

        // AccessDenied is not retried
        Assert.Equal(1, _scan.Fake.Count(service, listCall, Scenarios.StoresDenied));
    }

    [Fact]
    public void An_unencrypted_queue_fails_both_rules_the_key_rule_with_the_fix_that_encrypts_it()
    {
        var findings = Scans.Judge(_scan.Result.Inventory).Where(f => f.Resource.Region == Scenarios.Verdicts && f.Resource is SqsQueue).ToList();

        var unencrypted = findings.Where(f => f.Resource.Name.Value == "fail_queue_unencrypted").ToDictionary(f => f.Rule.Id);
        Assert.Equal(ResultStatus.Fail, unencrypted["sqs-queue-storage-encrypted"].Status);
        Assert.Equal(ResultStatus.Fail, unencrypted["sqs-queue-cmk-encryption"].Status);
        Assert.Equal(CmkEncryptionRule<SqsQueue>.UnencryptedVariant, unencrypted["sqs-queue-cmk-encryption"].Result.RemediationVariant);

        // SSE-SQS and every KMS key encrypt: only the unencrypted queue fails the storage rule
        Assert.Equal(
            ["fail_queue_unencrypted"],
            findings.Where(f => f.Rule.Id == "sqs-queue-storage-encrypted" && f.Status != ResultStatus.Pass).Select(f => f.Resource.Name.Value));
    }

    [Fact]
    public void A_bucket_is_judged_once_in_its_own_region_though_aws_lists_every_regions_buckets()
    {
        // Given buckets in several regions, which an unfiltered ListBuckets returns from every region's endpoint
        var homes = Scenarios.All().Regions.SelectMany(region => region.Value.StoresOf(S3Bucket.Descriptor.Type).Select(bucket => (bucket.Name, Region: region.Key)))
            .Where(bucket => bucket.Region != Scenarios.StoresDenied)
            .ToList();
        Assert.True(homes.Select(bucket => bucket.Region).Distinct().Count() > 1);

        // Then each is judged once, in the region it lives in
        var judged = Scans.Judge(_scan.Result.Inventory).Where(f => f.Rule.Id == "s3-bucket-cmk-encryption" && f.Resource is S3Bucket).ToList();
        Assert.Equal(homes.Order(), judged.Select(f => (f.Resource.Name.Value, f.Resource.Region!)).Order());
    }

    private List<Finding> CmkFindings(string kind, string region) =>
        [.. Scans.Judge(_scan.Result.Inventory).Where(f => f.Resource.Region == region && f.Rule.ResourceType == kind && f.Rule.Id.EndsWith("-cmk-encryption", StringComparison.Ordinal))];
}
