using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

/// <summary>The muted filter runs in SQL on both databases and picks exactly the findings <see cref="MuteRule.Matches(string, string, string)"/> picks.</summary>
public sealed class MuteFilterTests
{
    // Names with every character a glob or LIKE pattern could misread: wildcards, escapes, classes, case.
    private static readonly string[] Names =
        ["orders", "Orders", "orders-2", "ord_rs", "ord%rs", "ordXrs", "a[b]c", "a\\b", "billing", "billing-eu", "x*y", "x?y", "xzy"];

    public static TheoryData<StoreKind, string, string> Cases()
    {
        var patterns = new (string Kind, string Pattern)[]
        {
            ("resource", "*:cluster:orders"), ("resource", "*:cluster:ord_rs"), ("resource", "*:cluster:ord%rs"), ("resource", "*:cluster:ord?rs"),
            ("resource", "*:cluster:a[b]c"), ("resource", "*:cluster:a\\b"), ("resource", "*billing*"), ("resource", "*:cluster:x*y"),
            ("resource", "*:cluster:x?y"), ("resource", "arn:aws:rds:eu-west-1:*"), ("resource", "*ORDERS"), ("rule", "neptune-cluster-cmk-encryption"),
            ("rule", "neptune-cluster-iam-auth"),
        };
        var data = new TheoryData<StoreKind, string, string>();
        foreach (var kind in new[] { StoreKind.Sqlite, StoreKind.Postgres })
        {
            foreach (var (muteKind, pattern) in patterns)
            {
                data.Add(kind, muteKind, pattern);
            }

            data.Add(kind, "fingerprint", "first-six-upper");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Muted_and_unmuted_pages_agree_with_the_mutes_own_matching(StoreKind kind, string muteKind, string pattern)
    {
        using var store = TestStores.Open(kind);
        var findings = Names.Select(name => Live(name, ResultStatus.Fail)).ToArray();
        store.SaveScan(LiveScan(["eu-west-1"], findings));
        if (pattern == "first-six-upper")
        {
            pattern = findings[3].Fingerprint[..6].ToUpperInvariant();
        }

        store.Mute(Enum.Parse<MuteKind>(muteKind, ignoreCase: true), pattern, "accepted", until: null, by: "test");
        var all = store.ListFindings(new FindingQuery());
        var expected = all.Where(finding => finding.MutedBy is not null).Select(finding => finding.ResourceId).Order(StringComparer.Ordinal).ToList();

        var muted = store.PageFindings(new FindingQuery { Muted = true }, null, FindingSort.Resource, descending: false, offset: 0, limit: 100);
        var unmuted = store.PageFindings(new FindingQuery { Muted = false }, null, FindingSort.Resource, descending: false, offset: 0, limit: 100);

        Assert.Equal(expected, muted.Findings.Select(finding => finding.ResourceId).Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, muted.Total);
        Assert.Equal(all.Count - expected.Count, unmuted.Total);
        Assert.DoesNotContain(unmuted.Findings, finding => finding.MutedBy is not null);
        Assert.Equal(expected, store.ListFindings(new FindingQuery { Muted = true }).Select(finding => finding.ResourceId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void The_muted_filter_pages_in_sql_with_the_right_total(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(["eu-west-1"], [.. Enumerable.Range(0, 30).Select(index => Live($"db-{index:D2}", ResultStatus.Fail))]));
        store.Mute(MuteKind.Resource, "*:cluster:db-1?", "accepted", until: null, by: "test");

        var second = store.PageFindings(new FindingQuery { Muted = true }, null, FindingSort.Resource, descending: false, offset: 4, limit: 4);

        Assert.Equal(10, second.Total);
        Assert.Equal(["db-14", "db-15", "db-16", "db-17"], second.Findings.Select(finding => finding.ResourceId.Split(':')[^1]));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Text_search_takes_percent_and_underscore_literally_and_finds_resource_names(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        store.SaveScan(LiveScan(["eu-west-1"], [.. Names.Select(name => Live(name, ResultStatus.Fail))]));
        store.SaveScan(IacScan(["infra"], Iac("infra", "graph", ResultStatus.Fail)));

        string[] Search(string text) =>
            [.. store.PageFindings(new FindingQuery(), text, FindingSort.Resource, descending: false, offset: 0, limit: 100).Findings.Select(finding => finding.ResourceId.Split(':')[^1]).Order(StringComparer.Ordinal)];

        Assert.Equal(["ord_rs"], Search("ord_"));
        Assert.Equal(["ord%rs"], Search("d%r"));
        Assert.Equal(["a\\b"], Search("a\\b"));
        Assert.Equal(["Orders", "orders", "orders-2"], Search("ORDERS"));
        Assert.Equal(["aws_neptune_cluster.graph"], Search("graph"));
    }
}
