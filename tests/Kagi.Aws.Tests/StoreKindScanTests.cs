using System.Globalization;
using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Rules.Aws.Ebs.Volumes;

namespace Kagi.Aws.Tests;

/// <summary>
/// Every kind the fake holds as plain stores, found from the catalogue, in the one scan of every scenario: each store of
/// the verdict region gets the verdict its name says under the kind's CMK rule (a CMK passes, the service default fails,
/// a key KMS will not describe is UNKNOWN with the refusal as reason), the storage rule fails only what is unencrypted,
/// and every page of the paging region is read. A new kind gets these tests from its stores in <c>Fake/Scenarios*.cs</c>
/// and its fake API's <see cref="IFakeApi.ListingOf"/>; throttled and denied listings are <see cref="ListingFaultTests"/>'.
/// </summary>
public sealed class StoreKindScanTests(FakeAccountScan scan) : IClassFixture<FakeAccountScan>
{
    // The remediation variant of a store with no encryption at all, the same for every kind.
    private const string UnencryptedFix = CmkEncryptionRule<EbsVolume>.UnencryptedVariant;

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Every_store_of_the_verdict_region_gets_the_cmk_verdict_its_name_says(string type)
    {
        var verdicts = Scans.Verdicts(scan.Result.Inventory, StoreKinds.CmkRuleOf(type), Scenarios.Verdicts);

        var names = StoresOf(type, Scenarios.Verdicts);
        Assert.Equal(names.Order(StringComparer.Ordinal), verdicts.Keys.Order(StringComparer.Ordinal));
        Scans.AssertEachAsNamed(verdicts);

        // The scenario holds each verdict: a CMK, the service's default, a key that may not be described
        Assert.True(
            verdicts.Values.ToHashSet().IsSupersetOf([ResultStatus.Pass, ResultStatus.Fail, ResultStatus.Unknown]),
            $"the verdict region must hold a {type} on a CMK (pass_…), one on the service's default (fail_…) and one on another account's key KMS will not describe (unknown_…_cross_account_denied)");
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void A_key_kms_will_not_describe_is_unknown_with_the_refusal_as_reason(string type)
    {
        var finding = Assert.Single(
            Scans.Judge(scan.Result.Inventory),
            f => f.Rule.Id == StoreKinds.CmkRuleOf(type) && f.Resource.Region == Scenarios.Verdicts && f.Resource.Name.Value.Contains("cross_account_denied", StringComparison.Ordinal));

        Assert.Equal(ResultStatus.Unknown, finding.Status);
        Assert.StartsWith("unknown_", finding.Resource.Name.Value, StringComparison.Ordinal);
        Assert.Contains("kms:DescribeKey", finding.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("999988887777", finding.Result.Reason, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", finding.Result.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string> KindsWithAStorageRule => [.. StoreKinds.Types.Where(type => StoreKinds.StorageRuleOf(type) is not null)];

    [Theory]
    [MemberData(nameof(KindsWithAStorageRule))]
    public void Only_the_unencrypted_store_fails_the_storage_rule_and_the_cmk_rule_shows_it_the_unencrypted_fix(string type)
    {
        var storage = Scans.Verdicts(scan.Result.Inventory, StoreKinds.StorageRuleOf(type)!, Scenarios.Verdicts);

        var unencrypted = StoresOf(type, Scenarios.Verdicts).Where(name => name.EndsWith("_unencrypted", StringComparison.Ordinal)).ToList();
        Assert.True(unencrypted.Count == 1, $"the verdict region must hold one unencrypted {type} (fail_…_unencrypted), holds {unencrypted.Count}");
        var store = unencrypted[0];
        Assert.Equal(ResultStatus.Fail, storage[store]);

        // Every key encrypts, whoever manages it, and so does a key KMS will not describe
        Assert.All(storage.Where(verdict => verdict.Key != store), verdict => Assert.True(verdict.Value == ResultStatus.Pass, $"{verdict.Key}: {verdict.Value}"));
        var cmk = Scans.Judge(scan.Result.Inventory).Single(f => f.Rule.Id == StoreKinds.CmkRuleOf(type) && f.Resource.Name is { IsKnown: true } name && name.Value == store);
        Assert.Equal(ResultStatus.Fail, cmk.Status);
        Assert.Equal(UnencryptedFix, cmk.Result.RemediationVariant);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public void Every_page_of_the_paging_region_is_read_and_every_store_seen(string type)
    {
        var listing = FakeApis.ListingOf(type);
        Assert.True(listing is not null, $"no fake API says how it pages {type} (IFakeApi.ListingOf)");
        var stores = StoresOf(type, Scenarios.Paging);

        var pages = scan.Fake.Calls.Where(call => call.Service == StoreKinds.CollectorOf(type).Collector.Service.SigningName && call.Action == listing.Action && call.Region == Scenarios.Paging).ToList();

        var expectedPages = (stores.Count + listing.PageSize - 1) / listing.PageSize;
        Assert.True(expectedPages > 1, $"the paging region must need more than one {listing.Action} answer, holds {stores.Count} of {type}");
        Assert.Equal(expectedPages, pages.Count);
        if (listing.OffsetTokens)
        {
            Assert.Equal([null, .. Enumerable.Range(1, expectedPages - 1).Select(page => (page * listing.PageSize).ToString(CultureInfo.InvariantCulture))], pages.Select(page => page.Subject));
        }

        var verdicts = Scans.Verdicts(scan.Result.Inventory, StoreKinds.CmkRuleOf(type), Scenarios.Paging);
        Assert.Equal(stores.Order(StringComparer.Ordinal), verdicts.Keys.Order(StringComparer.Ordinal));
        Assert.All(verdicts, verdict => Assert.True(verdict.Value == ResultStatus.Pass, $"{verdict.Key}: {verdict.Value}"));
    }

    private static List<string> StoresOf(string type, string region) => [.. Scenarios.All()[region].StoresOf(type).Select(store => store.Name)];
}
