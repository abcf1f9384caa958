using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

public sealed class DiffTests
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Diff_defaults_to_the_last_two_scans_of_the_same_scope(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        var first = store.SaveScan(LiveScan(["eu-west-1"], Live("fixed", ResultStatus.Fail), Live("stays", ResultStatus.Fail)));
        store.SaveScan(LiveScan(["us-east-1"], Live("elsewhere", ResultStatus.Fail, "us-east-1")));
        var second = store.SaveScan(LiveScan(["eu-west-1"], Live("stays", ResultStatus.Fail), Live("fresh", ResultStatus.Fail), Live("fixed", ResultStatus.Pass)));

        var diff = store.Diff(null, null)!;

        Assert.Equal((first.Id, second.Id), (diff.Before.Id, diff.After.Id));
        Assert.EndsWith(":fresh", Assert.Single(diff.New).ResourceId, StringComparison.Ordinal);
        Assert.EndsWith(":fixed", Assert.Single(diff.Resolved).ResourceId, StringComparison.Ordinal);
        Assert.EndsWith(":stays", Assert.Single(diff.StillOpen).ResourceId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Diff_of_two_named_scans_compares_those_and_none_without_a_pair(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        var only = store.SaveScan(LiveScan(["eu-west-1"], Live("a", ResultStatus.Fail)));
        Assert.Null(store.Diff(null, null));

        var other = store.SaveScan(LiveScan(["us-east-1"], Live("b", ResultStatus.Fail, "us-east-1")));
        var diff = store.Diff(only.Id, other.Id)!;

        Assert.EndsWith(":b", Assert.Single(diff.New).ResourceId, StringComparison.Ordinal);
        Assert.EndsWith(":a", Assert.Single(diff.Resolved).ResourceId, StringComparison.Ordinal);
        Assert.Empty(diff.StillOpen);
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_scope_of_thousands_of_targets_is_stored_and_its_scans_are_paired(StoreKind kind)
    {
        // Given two scans of an organization's 2,000 account-regions (a scope key of ~44 KB, past PostgreSQL's 8 KB index
        // row), another scan with the same first targets but one more between them
        using var store = TestStores.Open(kind);
        // (account IDs that do not compress, as PostgreSQL compresses an index row before it measures it)
        var random = new Random(5);
        string[] targets = [.. Enumerable.Range(0, 2_000).Select(_ => $"{random.NextInt64(100000000000L, 999999999999L)}:eu-west-1")];
        var first = store.SaveScan(LiveScan(targets, Live("fixed", ResultStatus.Fail), Live("stays", ResultStatus.Fail)));
        var other = store.SaveScan(LiveScan([.. targets, "999999999999:eu-west-1"], Live("elsewhere", ResultStatus.Fail)));
        var second = store.SaveScan(LiveScan(targets, Live("stays", ResultStatus.Fail), Live("fixed", ResultStatus.Pass)));

        // Then both are stored, and each pairing finds the scan of the very same scope, not the one sharing its start
        var latest = store.Diff(null, null)!;
        Assert.Equal((first.Id, second.Id), (latest.Before.Id, latest.After.Id));
        Assert.EndsWith(":fixed", Assert.Single(latest.Resolved).ResourceId, StringComparison.Ordinal);
        Assert.Equal(second.Id, store.Diff(first.Id, null)!.After.Id);
        Assert.NotEqual(other.Id, store.Diff(first.Id, null)!.After.Id);
    }
}
