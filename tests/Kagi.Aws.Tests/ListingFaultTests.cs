using Kagi.Aws.Tests.Fake;
using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Aws.Tests;

/// <summary>
/// A throttled or denied listing, for every kind the fake holds as plain stores: found from the catalogue, so a new kind
/// is covered without a line here. Throttling is retried and the verdicts stand; AccessDenied is one ERROR per rule over
/// the whole region, naming the call, and is not retried.
/// </summary>
public sealed class ListingFaultTests
{
    [Fact]
    public void Every_kind_of_issue_14_is_among_them()
    {
        Assert.True(StoreKinds.Types.Count >= 14, $"{StoreKinds.Types.Count} kinds");
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_throttled_listing_is_retried_and_then_judged(string type)
    {
        var (collector, listing) = StoreKinds.CollectorOf(type);
        var key = Scenarios.KeyArn(Scenarios.Throttled, 1);
        var region = new FakeRegion
        {
            Keys = [new(key)],
            Stores = [new(type, "pass_after_throttling", KmsKeyId: key), new(type, "fail_after_throttling", Encrypted: false)],
            Faults = [new(collector.Service.SigningName, FaultKind.Throttle, Times: 2, Action: listing)],
        };
        await using var fake = await FakeAws.StartAsync(new FakeScenario { Regions = { [Scenarios.Throttled] = region } });

        var inventory = Scans.Run(fake.Endpoint, null, Scenarios.Throttled).Inventory;

        var verdicts = Scans.Verdicts(inventory, StoreKinds.CmkRuleOf(type), Scenarios.Throttled);
        Assert.Equal(ResultStatus.Pass, verdicts["pass_after_throttling"]);
        Assert.Equal(ResultStatus.Fail, verdicts["fail_after_throttling"]);
        Assert.Equal(3, fake.Count(collector.Service.SigningName, listing, Scenarios.Throttled));
        Assert.Empty(inventory.Unscanned);
    }

    [Theory]
    [MemberData(nameof(StoreKinds.All), MemberType = typeof(StoreKinds))]
    public async Task A_denied_listing_is_an_error_of_every_rule_of_the_kind_naming_account_region_service_and_call(string type)
    {
        var (collector, listing) = StoreKinds.CollectorOf(type);
        var service = collector.Service.SigningName;
        var region = new FakeRegion
        {
            Stores = [new(type, "never_seen")],
            Faults = [new(service, FaultKind.AccessDenied)],
        };
        await using var fake = await FakeAws.StartAsync(new FakeScenario { Regions = { [Scenarios.Denied] = region } });

        var findings = Scans.Judge(Scans.Run(fake.Endpoint, null, Scenarios.Denied).Inventory).Where(finding => finding.Rule.ResourceType == type).ToList();

        var rules = RuleCatalog.All.Where(entry => entry.Metadata.ResourceType == type).Select(entry => entry.Metadata.Id).Order(StringComparer.Ordinal);
        Assert.Equal(rules, findings.Select(finding => finding.Rule.Id).Order(StringComparer.Ordinal));
        Assert.All(findings, error =>
        {
            Assert.Equal(ResultStatus.Error, error.Status);
            Assert.Equal(collector.WildcardArn("aws", Scenarios.Denied, Scenarios.Account), error.Resource.Id);
            Assert.StartsWith($"could not read {error.Resource.Id}: {service}:{listing} in {Scenarios.Account}/{Scenarios.Denied} failed: access denied (", error.Result.Reason, StringComparison.Ordinal);
        });

        // AccessDenied is not retried
        Assert.Equal(1, fake.Count(service, listing, Scenarios.Denied));
    }
}
