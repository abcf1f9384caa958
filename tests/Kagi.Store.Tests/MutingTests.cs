using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

public sealed class MutingTests
{
    private static readonly string[] Ireland = ["eu-west-1"];

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_muted_finding_is_reported_as_muted_with_its_reason_and_is_still_followed(StoreKind kind)
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        using var store = TestStores.Open(kind, clock);
        store.Mute(MuteKind.Resource, "arn:aws:rds:*:cluster:legacy-*", "legacy, retired in Q3", until: null, by: "alice");

        var report = MuteApplication.Apply(LiveScan(Ireland, Live("legacy-1", ResultStatus.Fail), Live("prod", ResultStatus.Fail)), store.Mutes(includeInactive: false));
        store.SaveScan(report);

        var muted = Assert.Single(report.Findings, finding => finding.Status == ResultStatus.Muted);
        Assert.EndsWith("legacy-1", muted.Resource.Id, StringComparison.Ordinal);
        Assert.Contains("legacy, retired in Q3", muted.MutedBy!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, store.ListFindings(new FindingQuery()).Count);
        var listed = Assert.Single(store.ListFindings(new FindingQuery { Muted = true }));
        Assert.Equal("alice", listed.MutedBy!.CreatedBy);
        Assert.Equal(1, store.Scans()[0].Counts[ResultStatus.Muted]);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_mute_that_expired_no_longer_mutes_and_stays_in_the_audit_trail(StoreKind kind)
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        using var store = TestStores.Open(kind, clock);
        var fingerprint = Live("db", ResultStatus.Fail).Fingerprint;
        store.Mute(MuteKind.Fingerprint, fingerprint[..12], "waiting for the vendor", clock.Now.AddDays(7), by: "alice");
        store.SaveScan(MuteApplication.Apply(LiveScan(Ireland, Live("db", ResultStatus.Fail)), store.Mutes(false)));
        var mutedBefore = Assert.Single(store.ListFindings(new FindingQuery())).MutedBy;

        clock.Advance(TimeSpan.FromDays(8));
        var report = MuteApplication.Apply(LiveScan(Ireland, Live("db", ResultStatus.Fail)), store.Mutes(false));
        store.SaveScan(report);

        Assert.NotNull(mutedBefore);
        Assert.Equal(ResultStatus.Fail, Assert.Single(report.Findings).Status);
        var finding = Assert.Single(store.ListFindings(new FindingQuery()));
        Assert.Null(finding.MutedBy);
        Assert.Equal(FindingState.Open, finding.State);
        Assert.Empty(store.Mutes(includeInactive: false));
        Assert.Single(store.Mutes(includeInactive: true));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_mute_of_a_rule_by_the_id_it_had_before_mutes_its_findings_under_the_new_id(StoreKind kind)
    {
        // Given a mute made when the rule was called neptune-cluster-key-usable, and a store opened with the catalogue's renames
        var location = TestStores.NewLocation(kind);
        var current = Kagi.Rules.RuleCatalog.Find("neptune-cluster-key-usable")!.Metadata;
        using (var before = FindingStore.Open(location, TimeProvider.System))
        {
            before.Mute(MuteKind.Rule, "neptune-cluster-key-usable", "key rotation planned", null, "alice");
        }

        using var store = FindingStore.Open(location, TimeProvider.System, Kagi.Rules.RuleCatalog.Renamed);
        var finding = Live("db", ResultStatus.Fail) with { Rule = current };

        // When a scan with the rule's finding under its new ID is stored
        var report = MuteApplication.Apply(LiveScan(Ireland, finding), store.Mutes(includeInactive: false));
        store.SaveScan(report);

        // Then the old mute mutes it, in the report and in the store's muted filter
        Assert.Equal("kms-key-in-use-usable", current.Id);
        Assert.Equal(ResultStatus.Muted, Assert.Single(report.Findings).Status);
        Assert.Equal("kms-key-in-use-usable", Assert.Single(store.Mutes(includeInactive: false)).Pattern);
        Assert.Single(store.ListFindings(new FindingQuery { Muted = true }));

        // And the ID it is listed under lifts it
        Assert.Equal(1, store.Unmute("kms-key-in-use-usable", "bob"));
        Assert.Empty(store.Mutes(includeInactive: false));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Unmute_records_who_lifted_the_mute_and_when(StoreKind kind)
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        using var store = TestStores.Open(kind, clock);
        var mute = store.Mute(MuteKind.Rule, Rule.Id, "accepted", null, "alice");
        clock.Advance(TimeSpan.FromHours(2));

        var lifted = store.Unmute(mute.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "bob");
        var again = store.Unmute(Rule.Id, "bob");

        Assert.Equal(1, lifted);
        Assert.Equal(0, again);
        var audit = Assert.Single(store.Mutes(includeInactive: true));
        Assert.Equal(("alice", "bob", clock.Now), (audit.CreatedBy, audit.RemovedBy, audit.RemovedAt!.Value));
    }

    [Fact]
    public void A_pattern_is_a_rule_when_the_catalogue_knows_it_else_a_fingerprint_when_hex_else_a_resource_glob()
    {
        Assert.Equal(MuteKind.Rule, MuteRule.KindOf("abcdef12", _ => true));
        Assert.Equal(MuteKind.Fingerprint, MuteRule.KindOf("abcdef12", _ => false));
        Assert.Equal(MuteKind.Resource, MuteRule.KindOf("abc", _ => false));
        Assert.Equal(MuteKind.Resource, MuteRule.KindOf("module.db.*", _ => false));
    }

    [Fact]
    public void A_resource_glob_matches_whole_ids_only()
    {
        var mute = new MuteRule(1, MuteKind.Resource, "module.db.*", "r", null, "a", DateTimeOffset.UnixEpoch);

        Assert.True(mute.Matches("f", "r", "module.db.aws_neptune_cluster.this[0]", null));
        Assert.False(mute.Matches("f", "r", "module.dbx", null));
        Assert.False(mute.Matches("f", "r", "x.module.db.y", null));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_mute_by_tag_mutes_the_findings_of_resources_with_that_tag_only_in_reports_and_in_the_store(StoreKind kind)
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch.AddYears(56));
        using var store = TestStores.Open(kind, clock);
        store.Mute(MuteKind.Tag, "owner=team-a", "team A accepts the risk", until: null, by: "alice");
        var findings = new[]
        {
            Tagged(Live("a", ResultStatus.Fail), ("owner", "team-a"), ("env", "prod")),
            Tagged(Live("b", ResultStatus.Fail), ("owner", "team-b")),
            Tagged(Live("c", ResultStatus.Fail), ("owner", "team-a\nx")),
            Live("unknown", ResultStatus.Fail),
        };

        var report = MuteApplication.Apply(LiveScan(Ireland, findings), store.Mutes(includeInactive: false));
        store.SaveScan(report);

        var muted = Assert.Single(report.Findings, finding => finding.Status == ResultStatus.Muted);
        Assert.EndsWith(":a", muted.Resource.Id, StringComparison.Ordinal);
        var listed = Assert.Single(store.ListFindings(new FindingQuery { Muted = true }));
        Assert.EndsWith(":a", listed.ResourceId, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "team-a" }, listed.Tags);
        Assert.Equal(3, store.ListFindings(new FindingQuery { Muted = false }).Count);
        Assert.Null(store.ListFindings(new FindingQuery()).Single(finding => finding.ResourceId.EndsWith(":unknown", StringComparison.Ordinal)).Tags);
    }

    [Fact]
    public void A_tag_mute_matches_the_exact_value_and_never_unknown_tags()
    {
        var mute = new MuteRule(1, MuteKind.Tag, "owner=team=a", "r", null, "a", DateTimeOffset.UnixEpoch);

        Assert.True(mute.Matches("f", "r", "id", new Dictionary<string, string> { ["owner"] = "team=a" }));
        Assert.False(mute.Matches("f", "r", "id", new Dictionary<string, string> { ["owner"] = "team=A" }));
        Assert.False(mute.Matches("f", "r", "id", new Dictionary<string, string> { ["owner=team"] = "a" }));
        Assert.False(mute.Matches("f", "r", "id", null));
    }

    private static Finding Tagged(Finding finding, params (string Key, string Value)[] tags) => finding with
    {
        Resource = finding.Resource with { Tags = Fact.Known<IReadOnlyDictionary<string, string>>(tags.ToDictionary(tag => tag.Key, tag => tag.Value)) },
    };
}
