using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

/// <summary>The overview's "since the previous scan", read from the lifecycle rather than by comparing result rows.</summary>
public sealed class ChangesTests
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void The_latest_scan_counts_new_reopened_resolved_and_still_open_findings(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        Assert.Null(store.LatestChanges(10));
        var first = store.SaveScan(LiveScan(["eu-west-1"], Live("fixed", ResultStatus.Fail), Live("stays", ResultStatus.Fail), Live("back", ResultStatus.Fail)));
        Assert.Null(store.LatestChanges(10)!.PreviousScanId);
        store.SaveScan(LiveScan(["eu-west-1"], Live("fixed", ResultStatus.Fail), Live("stays", ResultStatus.Fail), Live("back", ResultStatus.Pass)));
        var third = store.SaveScan(LiveScan(
            ["eu-west-1"],
            Live("fixed", ResultStatus.Pass),
            Live("stays", ResultStatus.Fail),
            Live("back", ResultStatus.Fail),
            Live("fresh", ResultStatus.Fail)));

        var changes = store.LatestChanges(10)!;

        Assert.Equal(third.Id, changes.Scan.Id);
        Assert.Equal(first.Id + 1, changes.PreviousScanId);
        Assert.Equal((2L, 1L, 1L), (changes.New, changes.Resolved, changes.StillOpen));
        Assert.Equal([":back", ":fresh"], changes.NewSample.Select(finding => finding.ResourceId[finding.ResourceId.LastIndexOf(':')..]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_result_that_could_not_be_judged_resolves_nothing(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail)));
        store.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Error)));

        var changes = store.LatestChanges(10)!;

        Assert.Equal((0L, 0L), (changes.New, changes.Resolved));
        Assert.Equal(FindingState.New, Assert.Single(store.ListFindings(new FindingQuery())).State);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void The_sample_is_the_most_severe_first_and_no_longer_than_asked(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        var low = Live("low", ResultStatus.Fail) with { Rule = Rule with { Severity = Severity.Low } };
        store.SaveScan(LiveScan(["eu-west-1"], low, Live("high-1", ResultStatus.Fail), Live("high-2", ResultStatus.Fail)));

        var changes = store.LatestChanges(2)!;

        Assert.Equal(3, changes.New);
        Assert.All(changes.NewSample, finding => Assert.Equal(Rule.Severity, finding.Severity));
        Assert.Equal(2, changes.NewSample.Count);
    }
}
