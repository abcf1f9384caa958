using System.Globalization;
using Kagi.Core.Findings;

namespace Kagi.Store;

/// <summary>
/// The distinct fingerprints of a scan's verdicts, held as 12 bytes per verdict (a 64-bit prefix of the fingerprint and
/// the verdict's position) rather than as strings: the store asks which verdict stands for each fingerprint and whether
/// the scan reported a fingerprint at all, for scans of millions of verdicts. A shared prefix is told apart by the
/// whole fingerprint, judged again from its position.
/// </summary>
internal sealed class ScanFingerprints
{
    private readonly VerdictSet _verdicts;
    private readonly ulong[] _prefixes;
    private readonly int[] _positions;

    private ScanFingerprints(VerdictSet verdicts, ulong[] prefixes, int[] positions, int[] kept)
    {
        _verdicts = verdicts;
        _prefixes = prefixes;
        _positions = positions;
        Kept = kept;
    }

    /// <summary>
    /// One position per fingerprint, in the scan's order: the first verdict of it, unless a later one fails where the
    /// first did not — a finding reported twice is failing if either report says so, as a reader would take it.
    /// </summary>
    public IReadOnlyList<int> Kept { get; }

    public static ScanFingerprints Of(VerdictSet verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var prefixes = new ulong[verdicts.Count];
        var positions = new int[verdicts.Count];
        for (var index = 0; index < verdicts.Count; index++)
        {
            prefixes[index] = Prefix(verdicts.FingerprintAt(index));
            positions[index] = index;
        }

        // By prefix, then by position: a fingerprint's verdicts sit together, in the scan's order.
        Array.Sort(prefixes, positions);
        SortPositionsWithinPrefixes(prefixes, positions);

        var kept = new List<int>();
        for (var start = 0; start < positions.Length;)
        {
            var end = start;
            while (end < positions.Length && prefixes[end] == prefixes[start])
            {
                end++;
            }

            if (end - start == 1)
            {
                kept.Add(positions[start]);
            }
            else
            {
                kept.AddRange(KeptOf(verdicts, positions.AsSpan(start, end - start)));
            }

            start = end;
        }

        kept.Sort();
        return new ScanFingerprints(verdicts, prefixes, positions, [.. kept]);
    }

    /// <summary>Whether the scan reported <paramref name="fingerprint"/>, with any status.</summary>
    public bool Contains(string fingerprint)
    {
        var prefix = Prefix(fingerprint);
        var at = Array.BinarySearch(_prefixes, prefix);
        if (at < 0)
        {
            return false;
        }

        while (at > 0 && _prefixes[at - 1] == prefix)
        {
            at--;
        }

        for (; at < _prefixes.Length && _prefixes[at] == prefix; at++)
        {
            if (string.Equals(_verdicts.FingerprintAt(_positions[at]), fingerprint, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // A fingerprint is hex (Finding.ComputeFingerprint); a stored value that is not shares prefix 0, told apart whole.
    private static ulong Prefix(string fingerprint) =>
        fingerprint.Length >= 16 && ulong.TryParse(fingerprint.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var prefix) ? prefix : 0;

    private static void SortPositionsWithinPrefixes(ulong[] prefixes, int[] positions)
    {
        for (var start = 0; start < positions.Length;)
        {
            var end = start + 1;
            while (end < positions.Length && prefixes[end] == prefixes[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(positions, start, end - start);
            }

            start = end;
        }
    }

    // The verdicts sharing one prefix, in the scan's order: each distinct fingerprint among them keeps one position.
    private static Dictionary<string, int>.ValueCollection KeptOf(VerdictSet verdicts, ReadOnlySpan<int> sharingPrefix)
    {
        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var index in sharingPrefix)
        {
            var fingerprint = verdicts.FingerprintAt(index);
            if (!kept.TryGetValue(fingerprint, out var first) || (!Lifecycle.IsFailing(verdicts.StatusAt(first)) && Lifecycle.IsFailing(verdicts.StatusAt(index))))
            {
                kept[fingerprint] = index;
            }
        }

        return kept.Values;
    }
}
