using System.Runtime.InteropServices;

namespace Kagi.Core.Collections;

/// <summary>
/// Orders positions by 128-bit keys, more of them than memory should hold: runs of a million are sorted in memory and,
/// past the first, written to a private temporary file and merged from there, each run read a few thousand keys at a
/// time. So a report or the store orders an organization's millions of verdicts in the same memory as one account's.
/// </summary>
public static class ExternalSort
{
    private const int DefaultRunLength = 1 << 20;
    private const int MergeBuffer = 4096;
    private const int Key = 16;
    /// <summary>The low 32 bits of a key, which <see cref="Positions"/> fills with the position: what its callers mask off.</summary>
    public static readonly UInt128 PositionBits = uint.MaxValue;

    /// <summary>
    /// The positions below <paramref name="count"/> that <paramref name="keep"/> selects, ordered by their keys' top 96
    /// bits (the low 32 are the position's), equal ones by position.
    /// </summary>
    /// <exception cref="IOException">No temporary file could be written or read back.</exception>
    public static IEnumerable<int> Positions(int count, Func<int, bool> keep, Func<int, UInt128> keyOf) => Positions(count, keep, keyOf, DefaultRunLength);

    /// <summary><paramref name="values"/> in ascending order, read once.</summary>
    /// <exception cref="IOException">No temporary file could be written or read back.</exception>
    public static IEnumerable<UInt128> Values(IEnumerable<UInt128> values) => Values(values, DefaultRunLength);

    internal static IEnumerable<int> Positions(int count, Func<int, bool> keep, Func<int, UInt128> keyOf, int runLength)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var keys = Enumerable.Range(0, count).Where(keep).Select(position => (keyOf(position) & ~PositionBits) | (uint)position);
        return Values(keys, runLength).Select(key => (int)(uint)key);
    }

    internal static IEnumerable<UInt128> Values(IEnumerable<UInt128> values, int runLength)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(runLength, 1);
        return Sorted(values, runLength);
    }

    private static IEnumerable<UInt128> Sorted(IEnumerable<UInt128> values, int runLength)
    {
        var run = new List<UInt128>();
        using var runs = new Runs();
        foreach (var value in values)
        {
            if (run.Count == runLength)
            {
                run.Sort();
                runs.Write(CollectionsMarshal.AsSpan(run));
                run.Clear();
            }

            run.Add(value);
        }

        run.Sort();
        if (runs.Count == 0)
        {
            foreach (var value in run)
            {
                yield return value;
            }

            yield break;
        }

        runs.Write(CollectionsMarshal.AsSpan(run));
        run.Clear();
        run.TrimExcess();
        foreach (var value in runs.Merged())
        {
            yield return value;
        }
    }

    /// <summary>The sorted runs written so far, in one file, and their merge.</summary>
    private sealed class Runs : IDisposable
    {
        private readonly List<(long Start, int Length)> _runs = [];
        private SpillDirectory? _directory;
        private FileStream? _file;
        private long _length;

        public int Count => _runs.Count;

        public void Write(ReadOnlySpan<UInt128> run)
        {
            _directory ??= new SpillDirectory();
            _file ??= _directory.NewFile("sorted-runs");
            RandomAccess.Write(_file.SafeFileHandle, MemoryMarshal.AsBytes(run), _length);
            _runs.Add((_length, run.Length));
            _length += run.Length * (long)Key;
        }

        public IEnumerable<UInt128> Merged()
        {
            var readers = _runs.Select(run => new RunReader(_file!, run.Start, run.Length)).ToArray();
            var heads = new PriorityQueue<int, UInt128>(readers.Length);
            for (var reader = 0; reader < readers.Length; reader++)
            {
                if (readers[reader].TryRead(out var key))
                {
                    heads.Enqueue(reader, key);
                }
            }

            while (heads.TryDequeue(out var reader, out var key))
            {
                yield return key;
                if (readers[reader].TryRead(out var next))
                {
                    heads.Enqueue(reader, next);
                }
            }
        }

        public void Dispose()
        {
            _file?.Dispose();
            _directory?.Dispose();
        }
    }

    /// <summary>One run read back in order, a buffer at a time.</summary>
    private sealed class RunReader(FileStream file, long start, int length)
    {
        private readonly UInt128[] _buffer = new UInt128[Math.Min(length, MergeBuffer)];
        private int _read;
        private int _at;
        private int _buffered;

        public bool TryRead(out UInt128 key)
        {
            if (_at == _buffered)
            {
                if (_read == length)
                {
                    key = default;
                    return false;
                }

                _buffered = Math.Min(_buffer.Length, length - _read);
                SpillDirectory.ReadExactly(file, MemoryMarshal.AsBytes(_buffer.AsSpan(0, _buffered)), start + (_read * (long)Key));
                _read += _buffered;
                _at = 0;
            }

            key = _buffer[_at++];
            return true;
        }
    }

}
