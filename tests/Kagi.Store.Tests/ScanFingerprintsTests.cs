using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Store.Tests;

/// <summary>The store's compact index of a scan's fingerprints: one verdict per finding, and exact membership.</summary>
public sealed class ScanFingerprintsTests
{
    [Fact]
    public void A_finding_reported_twice_keeps_its_first_verdict_unless_a_later_one_fails()
    {
        // Given "a" passing then failing, "b" failing then passing, "c" once, in that order
        var verdicts = new Fingerprinted(
            ("aaaaaaaaaaaaaaaa0000000000000001", ResultStatus.Pass),
            ("bbbbbbbbbbbbbbbb0000000000000002", ResultStatus.Fail),
            ("aaaaaaaaaaaaaaaa0000000000000001", ResultStatus.Fail),
            ("cccccccccccccccc0000000000000003", ResultStatus.Unknown),
            ("bbbbbbbbbbbbbbbb0000000000000002", ResultStatus.Pass));

        // Then each keeps one position, in the scan's order: a's failure, b's first (failing) verdict, c
        using var fingerprints = ScanFingerprints.Of(verdicts);
        Assert.Equal([1, 2, 3], fingerprints.Kept);
    }

    [Fact]
    public void Fingerprints_sharing_the_held_prefix_are_told_apart_whole()
    {
        // Given three fingerprints whose first 16 hex digits are the same, one of them twice, and one that is not hex
        const string Prefix = "0123456789abcdef";
        var verdicts = new Fingerprinted(
            (Prefix + "0000000000000001", ResultStatus.Fail),
            (Prefix + "0000000000000002", ResultStatus.Pass),
            (Prefix + "0000000000000001", ResultStatus.Pass),
            (Prefix + "0000000000000003", ResultStatus.Fail),
            ("not a fingerprint", ResultStatus.Fail));
        using var fingerprints = ScanFingerprints.Of(verdicts);

        // Then each distinct fingerprint keeps exactly one verdict
        Assert.Equal([0, 1, 3, 4], fingerprints.Kept);

        // and membership is exact: a fourth fingerprint with the same prefix is not in the scan
        Assert.True(fingerprints.Contains(Prefix + "0000000000000002"));
        Assert.True(fingerprints.Contains("not a fingerprint"));
        Assert.False(fingerprints.Contains(Prefix + "0000000000000004"));
        Assert.False(fingerprints.Contains("fedcba98765432100000000000000001"));
        Assert.False(fingerprints.Contains(string.Empty));
    }

    [Fact]
    public void A_scan_of_real_verdicts_keeps_every_distinct_fingerprint_once()
    {
        // Given 1,000 clusters judged by every rule of their kind
        var verdicts = Kagi.Testing.ProbedVerdicts.OfClusters(1000, ScanOptions.Default);
        using var fingerprints = ScanFingerprints.Of(verdicts);

        // Then the kept verdicts are exactly the distinct fingerprints, each found again
        var distinct = Enumerable.Range(0, verdicts.Count).Select(verdicts.FingerprintAt).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(distinct.Count, fingerprints.Kept.Count());
        Assert.Equal(distinct.Order(StringComparer.Ordinal), fingerprints.Kept.Select(verdicts.FingerprintAt).Order(StringComparer.Ordinal));
        Assert.All(distinct.Order(StringComparer.Ordinal), fingerprint => Assert.True(fingerprints.Contains(fingerprint)));
    }

    [Fact]
    public void Fingerprints_are_asked_in_order_and_one_asked_out_of_order_is_refused_not_answered_wrongly()
    {
        // Given a scan of three fingerprints
        var verdicts = new Fingerprinted(
            ("30000000000000000000000000000000", ResultStatus.Fail),
            ("10000000000000000000000000000000", ResultStatus.Fail),
            ("20000000000000000000000000000000", ResultStatus.Pass));
        using var fingerprints = ScanFingerprints.Of(verdicts);

        // When the store's fingerprints are read in order, between and on the scan's
        // Then each is answered exactly, and going back is an error (the answer would depend on what was read before)
        Assert.False(fingerprints.Contains("0fffffffffffffffffffffffffffffff"));
        Assert.True(fingerprints.Contains("10000000000000000000000000000000"));
        Assert.False(fingerprints.Contains("1fffffffffffffffffffffffffffffff"));
        Assert.True(fingerprints.Contains("20000000000000000000000000000000"));
        Assert.True(fingerprints.Contains("30000000000000000000000000000000"));
        Assert.False(fingerprints.Contains("ffffffffffffffffffffffffffffffff"));
        Assert.Throws<InvalidOperationException>(() => fingerprints.Contains("20000000000000000000000000000000"));
    }

    // Verdicts whose fingerprints are given, so that shared prefixes and repeats can be made on purpose.
    private sealed class Fingerprinted(params (string Fingerprint, ResultStatus Status)[] verdicts) : VerdictSet
    {
        public override int Count => verdicts.Length;

        public override Finding this[int index] => Scans.Live($"cluster-{index}", verdicts[index].Status);

        public override ResultStatus StatusAt(int index) => verdicts[index].Status;

        public override RuleMetadata RuleAt(int index) => Scans.Rule;

        public override CloudResource ResourceAt(int index) => this[index].Resource;

        public override string FingerprintAt(int index) => verdicts[index].Fingerprint;
    }
}
