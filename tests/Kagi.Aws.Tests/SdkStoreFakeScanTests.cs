using Kagi.Aws.Tests.Fake;
using Kagi.Rules.Aws.S3.Buckets;

namespace Kagi.Aws.Tests;

/// <summary>
/// What is particular to the data stores read through AWS SDK clients (DynamoDB, SQS, S3) on the fake, from the one scan
/// of every scenario: a bucket, which every region's listing returns, is judged in its own region only. Their verdicts,
/// paging and listing faults are proven with every other kind's (<see cref="StoreKindScanTests"/>, <see cref="ListingFaultTests"/>).
/// </summary>
public sealed class SdkStoreFakeScanTests : IClassFixture<FakeAccountScan>
{
    private readonly FakeAccountScan _scan;

    public SdkStoreFakeScanTests(FakeAccountScan scan) => _scan = scan;

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
}
