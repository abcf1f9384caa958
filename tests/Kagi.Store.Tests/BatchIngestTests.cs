using Kagi.Core.Findings;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Store.Tests;

/// <summary>The store takes a scan's results in batches, each finding built for its own row and let go.</summary>
public sealed class BatchIngestTests
{
    private static readonly ScanOptions TwoRules = ScanOptions.Default with
    {
        Rules = new HashSet<string> { "neptune-cluster-storage-encrypted", "neptune-cluster-cmk-encryption" },
    };

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Many_results_are_stored_row_by_row_without_holding_their_findings(StoreKind kind)
    {
        // Given 1,500 clusters judged by two rules: more result rows than several of the store's insert batches
        var verdicts = ProbedVerdicts.OfClusters(1500, TwoRules);
        using var store = TestStores.Open(kind);

        // When the scan is stored
        var scan = store.SaveScan(Scans.Report(ScanSource.Iac, ["main.tf"], verdicts));

        // Then every result has its row, each status counted, every failing one is tracked
        Assert.Equal(3000, scan.Counts.Values.Sum());
        Assert.Equal(verdicts.CountOf(ResultStatus.Fail), scan.Counts[ResultStatus.Fail]);
        Assert.Equal(verdicts.CountOf(ResultStatus.Pass), scan.Counts[ResultStatus.Pass]);
        Assert.Equal(verdicts.CountOf(ResultStatus.Fail), store.ListFindings(new FindingQuery()).Count);

        // And the findings were built as their rows were written, never all at once
        Assert.True(verdicts.Reads >= 3000, $"only {verdicts.Reads} findings were read");
        Assert.InRange(verdicts.MostAlive, 1, 4);
    }
}
