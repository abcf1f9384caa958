using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

public sealed class LifecycleTests
{
    private static readonly string[] Ireland = ["eu-west-1"];
    private static readonly string[] Tokyo = ["ap-northeast-1"];

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_failing_finding_is_new_then_open_then_resolved_then_reopened(StoreKind kind)
    {
        // Given a store and a cluster that fails, fails again, passes, then fails again
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var store = TestStores.Open(kind, clock);
        var states = new List<FindingState>();
        var changedBy = new List<long>();
        foreach (var status in new[] { ResultStatus.Fail, ResultStatus.Fail, ResultStatus.Pass, ResultStatus.Fail })
        {
            clock.Advance(TimeSpan.FromHours(1));

            // When each scan is stored
            var scan = store.SaveScan(LiveScan(Ireland, Live("db", status)));
            var finding = Assert.Single(store.ListFindings(new FindingQuery()));
            states.Add(finding.State);
            changedBy.Add(finding.ChangedScanId == scan.Id ? scan.Id : -1);
        }

        // Then the finding moves through the whole lifecycle, each state set by the scan that changed it
        Assert.Equal([FindingState.New, FindingState.Open, FindingState.Resolved, FindingState.Reopened], states);
        Assert.DoesNotContain(-1, changedBy);
        var last = Assert.Single(store.ListFindings(new FindingQuery()));
        Assert.Equal(clock.Now.AddHours(-3), last.FirstSeenAt);
        Assert.Equal(clock.Now, last.LastSeenAt);
        Assert.Equal(ResultStatus.Fail, last.LastStatus);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_finding_absent_from_a_later_scan_of_the_same_region_is_resolved(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(Ireland, Live("gone", ResultStatus.Fail), Live("stays", ResultStatus.Fail)));

        var later = store.SaveScan(LiveScan(Ireland, Live("stays", ResultStatus.Fail)));

        var findings = store.ListFindings(new FindingQuery()).ToDictionary(finding => finding.ResourceId.Split(':')[^1]);
        Assert.Equal(FindingState.Resolved, findings["gone"].State);
        Assert.Equal(later.Id, findings["gone"].ChangedScanId);
        Assert.Equal(FindingState.Open, findings["stays"].State);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_scan_of_another_region_never_resolves_a_finding(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(Ireland, Live("db", ResultStatus.Fail)));

        store.SaveScan(LiveScan(Tokyo, Live("other", ResultStatus.Pass, region: "ap-northeast-1")));

        var finding = Assert.Single(store.ListFindings(new FindingQuery()));
        Assert.Equal(FindingState.New, finding.State);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void An_organization_scan_resolves_a_finding_only_in_an_account_and_region_it_read(StoreKind kind)
    {
        // Given an organization scan that found a failing cluster in each of two accounts
        const string Prod = "222233334444";
        const string Dev = "333344445555";
        using var store = TestStores.Open(kind);
        string[] both = [$"account {Prod} (prod)", "eu-west-1", $"account {Dev} (dev)", "eu-west-1"];
        store.SaveScan(Report(ScanSource.Aws, both, [Live("prod-db", ResultStatus.Fail, account: Prod), Live("dev-db", ResultStatus.Fail, account: Dev)]));

        // When a later scan reads the prod account alone, where the cluster is gone
        store.SaveScan(Report(ScanSource.Aws, [$"account {Prod} (prod)", "eu-west-1"], [Live("other", ResultStatus.Pass, account: Prod)]));

        // Then only prod's finding is resolved: the dev account was not looked at
        var findings = store.ListFindings(new FindingQuery()).ToDictionary(finding => finding.ResourceId.Split(':')[^1]);
        Assert.Equal(FindingState.Resolved, findings["prod-db"].State);
        Assert.Equal(FindingState.New, findings["dev-db"].State);

        // And a scan of both that no longer finds dev's cluster resolves it too
        store.SaveScan(Report(ScanSource.Aws, both, [Live("other", ResultStatus.Pass, account: Prod)]));
        Assert.Equal(FindingState.Resolved, store.ListFindings(new FindingQuery()).Single(finding => finding.ResourceId.EndsWith(":dev-db", StringComparison.Ordinal)).State);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_region_whose_read_failed_does_not_resolve_its_findings(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(Ireland, Live("db", ResultStatus.Fail)));
        var unread = new Kagi.Core.Findings.Finding(
            Rule,
            Kagi.Core.Model.UnscannedResource.For(new Kagi.Core.Model.UnscannedScope(Rule.ResourceType, "arn:aws:rds:eu-west-1:111122223333:cluster:*", "111122223333", "eu-west-1", "rds", "DescribeDBClusters", "AccessDenied")),
            RuleResult.Error("AccessDenied"));

        store.SaveScan(LiveScan(Ireland, unread));

        Assert.Equal(FindingState.New, Assert.Single(store.ListFindings(new FindingQuery { RuleId = Rule.Id }), finding => finding.ResourceId.EndsWith(":db", StringComparison.Ordinal)).State);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void An_iac_scan_of_another_path_never_resolves_a_finding_but_one_of_the_same_path_does(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        var prod = Path.Combine(Path.GetTempPath(), "kagi-iac", "prod");
        var dev = Path.Combine(Path.GetTempPath(), "kagi-iac", "dev");
        store.SaveScan(IacScan([prod], Iac(prod, "db", ResultStatus.Fail)));

        store.SaveScan(IacScan([dev]));
        var afterOtherPath = Assert.Single(store.ListFindings(new FindingQuery())).State;
        store.SaveScan(IacScan([prod]));
        var afterSamePath = Assert.Single(store.ListFindings(new FindingQuery())).State;

        Assert.Equal(FindingState.New, afterOtherPath);
        Assert.Equal(FindingState.Resolved, afterSamePath);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_saved_inventory_of_a_live_scan_continues_its_findings_lifecycle(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(Ireland, Live("db", ResultStatus.Fail), Live("fixed", ResultStatus.Fail)));

        store.SaveScan(Report(Kagi.Core.Findings.ScanSource.Inventory, ["account 111122223333", "eu-west-1"], [Live("db", ResultStatus.Fail)]));

        var findings = store.ListFindings(new FindingQuery()).ToDictionary(finding => finding.ResourceId.Split(':')[^1]);
        Assert.Equal(FindingState.Open, findings["db"].State);
        Assert.Equal(FindingState.Resolved, findings["fixed"].State);
        Assert.Equal("inventory", store.Scans()[1].Source);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_scan_that_did_not_run_the_rule_never_resolves_its_findings(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(Ireland, Live("db", ResultStatus.Fail)));

        store.SaveScan(LiveScan(Ireland) with { Options = new ScanOptions { SkipRules = new HashSet<string> { Rule.Id } } });
        var afterSkipping = Assert.Single(store.ListFindings(new FindingQuery())).State;
        store.SaveScan(LiveScan(Ireland));
        var afterRunning = Assert.Single(store.ListFindings(new FindingQuery())).State;

        Assert.Equal(FindingState.New, afterSkipping);
        Assert.Equal(FindingState.Resolved, afterRunning);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Unknown_and_error_results_neither_resolve_nor_open_a_finding(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(Ireland, Live("db", ResultStatus.Fail), Live("never-failed", ResultStatus.Unknown)));

        store.SaveScan(LiveScan(Ireland, Live("db", ResultStatus.Unknown), Live("never-failed", ResultStatus.Error)));

        var finding = Assert.Single(store.ListFindings(new FindingQuery()));
        Assert.EndsWith(":db", finding.ResourceId, StringComparison.Ordinal);
        Assert.Equal(FindingState.New, finding.State);
        Assert.Equal(ResultStatus.Unknown, finding.LastStatus);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Every_scan_and_every_result_row_is_stored_with_its_counts(StoreKind kind)
    {
        using var store = TestStores.Open(kind);

        store.SaveScan(LiveScan(Ireland, Live("a", ResultStatus.Fail), Live("b", ResultStatus.Pass), Live("c", ResultStatus.Unknown)));
        store.SaveScan(LiveScan(Tokyo));

        var scans = store.Scans();
        Assert.Equal(2, scans.Count);
        Assert.Equal(["account 111122223333", "eu-west-1"], scans[0].Targets);
        Assert.Equal(1, scans[0].Counts[ResultStatus.Fail]);
        Assert.Equal(1, scans[0].Counts[ResultStatus.Pass]);
        Assert.Equal(1, scans[0].Counts[ResultStatus.Unknown]);
        Assert.Equal(0, scans[1].Counts[ResultStatus.Fail]);
        Assert.NotEqual(scans[0].ScopeKey, scans[1].ScopeKey);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void List_filters_by_state_severity_rule_account_region_and_since(StoreKind kind)
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        using var store = TestStores.Open(kind, clock);
        store.SaveScan(LiveScan(Ireland, Live("old", ResultStatus.Fail)));
        clock.Advance(TimeSpan.FromDays(1));
        store.SaveScan(LiveScan(Tokyo, Live("tokyo", ResultStatus.Fail, region: "ap-northeast-1")));

        Assert.Single(store.ListFindings(new FindingQuery { Region = "ap-northeast-1" }));
        Assert.Single(store.ListFindings(new FindingQuery { Since = clock.Now }));
        Assert.Equal(2, store.ListFindings(new FindingQuery { Accounts = ["111122223333"], RuleId = Rule.Id, Severity = Rule.Severity, State = FindingState.New }).Count);
        Assert.Empty(store.ListFindings(new FindingQuery { State = FindingState.Resolved }));
        Assert.Empty(store.ListFindings(new FindingQuery { Accounts = ["999999999999"] }));
    }
}
