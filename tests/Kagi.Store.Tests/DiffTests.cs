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
}
