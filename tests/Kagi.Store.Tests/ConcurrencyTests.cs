using System.Collections;
using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

public sealed class ConcurrencyTests
{
    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public async Task Two_scans_written_at_once_both_land_whole(StoreKind kind)
    {
        // Given two processes' worth of connections on one store
        var location = TestStores.NewLocation(kind);
        using (FindingStore.Open(location, TimeProvider.System))
        {
        }

        // When two scans of different regions, 2,000 results each, are written at the same moment
        using var start = new Barrier(2);
        var writers = new[] { "eu-west-1", "us-east-1" }.Select(region => Task.Run(() =>
        {
            using var store = FindingStore.Open(location, TimeProvider.System);
            var findings = Enumerable.Range(0, 2000).Select(i => Live($"db{i}", ResultStatus.Fail, region)).ToArray();
            start.SignalAndWait();
            return store.SaveScan(LiveScan([region], findings));
        })).ToArray();
        await Task.WhenAll(writers);

        // Then both scans and all their findings are there
        using var reader = FindingStore.Open(location, TimeProvider.System);
        Assert.Equal(2, reader.Scans().Count);
        Assert.Equal(2000, reader.ListFindings(new FindingQuery { Region = "eu-west-1" }).Count);
        Assert.Equal(2000, reader.ListFindings(new FindingQuery { Region = "us-east-1" }).Count);
        Assert.All(reader.ListFindings(new FindingQuery()), finding => Assert.Equal(FindingState.New, finding.State));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_scan_killed_half_way_through_writing_leaves_the_store_as_it_was(StoreKind kind)
    {
        using var store = TestStores.Open(kind);
        var folder = Path.Combine(Path.GetTempPath(), "kagi-killed");
        store.SaveScan(IacScan([folder], Iac(folder, "db", ResultStatus.Fail)));

        // When the second scan dies after 1,000 of its result rows were written (two batches already sent)
        var dying = new DiesAfter([.. Enumerable.Range(0, 2000).Select(i => Iac(folder, $"x{i}", ResultStatus.Fail))], 1000);
        Assert.Throws<IOException>(() => store.SaveScan(Report(ScanSource.Iac, [folder], dying)));

        // Then neither the scan, its rows nor the lifecycle moved: "db" is not resolved by the half scan
        Assert.Single(store.Scans());
        var finding = Assert.Single(store.ListFindings(new FindingQuery()));
        Assert.Equal(FindingState.New, finding.State);

        // And the store takes the next scan as usual
        store.SaveScan(IacScan([folder], Iac(folder, "db", ResultStatus.Fail)));
        Assert.Equal(FindingState.Open, Assert.Single(store.ListFindings(new FindingQuery())).State);
    }

    /// <summary>Findings whose enumeration fails part-way, as a process dying mid-write would leave them.</summary>
    private sealed class DiesAfter(Finding[] findings, int count) : IReadOnlyList<Finding>
    {
        public int Count => findings.Length;

        public Finding this[int index] => index < count ? findings[index] : throw new IOException("killed");

        public IEnumerator<Finding> GetEnumerator()
        {
            for (var i = 0; i < findings.Length; i++)
            {
                yield return this[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
