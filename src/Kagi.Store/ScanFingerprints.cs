using System.Collections;
using System.Globalization;
using Kagi.Core.Collections;
using Kagi.Core.Findings;

namespace Kagi.Store;

/// <summary>
/// The distinct fingerprints of a scan's verdicts, found by sorting them (<see cref="ExternalSort"/>): which verdict
/// stands for each fingerprint, one bit per verdict, and the distinct fingerprints in order, on disk past a few
/// thousand (<see cref="SpillList{T}"/>), read alongside the store's fingerprints in the same order. So storing a scan
/// of millions of verdicts takes the memory of a scan of thousands.
/// </summary>
internal sealed class ScanFingerprints : IDisposable
{
    private const int HexLength = 32;

    private readonly SpillDirectory _directory = new();
    private readonly SpillList<UInt128> _distinct;
    private readonly BitArray _kept;

    // A fingerprint not of hex digits, never made by Kagi, stays exact here rather than in the ordered list.
    private readonly HashSet<string> _others = new(StringComparer.Ordinal);
    private int _next;
    private UInt128? _lastAsked;

    private ScanFingerprints(int count)
    {
        _distinct = new SpillList<UInt128>(_directory, "fingerprints");
        _kept = new BitArray(count);
    }

    /// <summary>
    /// One position per fingerprint, in the scan's order: the first verdict of it, unless a later one fails where the
    /// first did not — a finding reported twice is failing if either report says so, as a reader would take it.
    /// </summary>
    public IEnumerable<int> Kept
    {
        get
        {
            for (var position = 0; position < _kept.Length; position++)
            {
                if (_kept[position])
                {
                    yield return position;
                }
            }
        }
    }

    /// <exception cref="IOException">The sort's or the fingerprints' temporary files could not be written.</exception>
    public static ScanFingerprints Of(VerdictSet verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var fingerprints = new ScanFingerprints(verdicts.Count);
        try
        {
            // Sorted by the fingerprint's top 96 bits, then position: a fingerprint's verdicts sit together, in the
            // scan's order, beside any other sharing those bits.
            // The keys themselves are read back, not only the positions: each fingerprint is made and parsed once.
            var sharing = new List<int>();
            UInt128 shared = 0;
            var keys = Enumerable.Range(0, verdicts.Count).Select(index => ((Value(verdicts.FingerprintAt(index)) ?? 0) & ~ExternalSort.PositionBits) | (uint)index);
            foreach (var key in ExternalSort.Values(keys))
            {
                var (top, position) = (key & ~ExternalSort.PositionBits, (int)(uint)key);
                if (sharing.Count > 0 && top != shared)
                {
                    fingerprints.Keep(verdicts, sharing);
                    sharing.Clear();
                }

                shared = top;
                sharing.Add(position);
            }

            fingerprints.Keep(verdicts, sharing);
            return fingerprints;
        }
        catch
        {
            fingerprints.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the scan reported <paramref name="fingerprint"/>, with any status. Asked in ascending ordinal order of
    /// fingerprints (the store's, read in that order), each answer reads on from the last.
    /// </summary>
    /// <exception cref="InvalidOperationException">A fingerprint is asked before one already asked.</exception>
    public bool Contains(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);

        // A fingerprint of Kagi's is 32 lowercase hex digits (Finding.ComputeFingerprint), whose ordinal order is their
        // numeric order.
        if (Value(fingerprint) is not { } value)
        {
            return _others.Contains(fingerprint);
        }

        if (value < _lastAsked)
        {
            throw new InvalidOperationException($"fingerprint {fingerprint} asked after a greater one: the store's fingerprints must be read in order");
        }

        _lastAsked = value;
        while (_next < _distinct.Count && _distinct[_next] < value)
        {
            _next++;
        }

        return _next < _distinct.Count && _distinct[_next] == value;
    }

    public void Dispose()
    {
        _distinct.Dispose();
        _directory.Dispose();
    }

    // The verdicts sharing a fingerprint's top bits, in the scan's order: each distinct fingerprint among them keeps one
    // position, and is listed in order.
    private void Keep(VerdictSet verdicts, List<int> sharing)
    {
        if (sharing.Count == 1)
        {
            _kept[sharing[0]] = true;
            Record(verdicts.FingerprintAt(sharing[0]));
            return;
        }

        var kept = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var index in sharing)
        {
            var fingerprint = verdicts.FingerprintAt(index);
            if (!kept.TryGetValue(fingerprint, out var first) || (!Lifecycle.IsFailing(verdicts.StatusAt(first)) && Lifecycle.IsFailing(verdicts.StatusAt(index))))
            {
                kept[fingerprint] = index;
            }
        }

        foreach (var (fingerprint, index) in kept.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            _kept[index] = true;
            Record(fingerprint);
        }
    }

    private void Record(string fingerprint)
    {
        if (Value(fingerprint) is { } value)
        {
            _distinct.Add(value);
        }
        else
        {
            _others.Add(fingerprint);
        }
    }

    private static UInt128? Value(string fingerprint) =>
        fingerprint.Length == HexLength && !fingerprint.AsSpan().ContainsAnyInRange('A', 'F')
            && UInt128.TryParse(fingerprint, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : null;
}
