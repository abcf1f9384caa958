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
    private static readonly UInt128 PositionBits = uint.MaxValue;

    /// <summary>
    /// The positions below <paramref name="count"/> that <paramref name="keep"/> selects, ordered by their keys' top 96
    /// bits (the low 32 are the position's), equal ones by position.
    /// </summary>
    /// <exception cref="IOException">No temporary file could be written or read back.</exception>
    public static IEnumerable<int> Positions(int count, Func<int, bool> keep, Func<int, UInt128> keyOf) => Positions(count, keep, keyOf, DefaultRunLength);

    internal static IEnumerable<int> Positions(int count, Func<int, bool> keep, Func<int, UInt128> keyOf, int runLength)
    {
        ArgumentNullException.ThrowIfNull(keep);
        ArgumentNullException.ThrowIfNull(keyOf);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return Sorted(count, keep, keyOf, runLength);
    }

    private static IEnumerable<int> Sorted(int count, Func<int, bool> keep, Func<int, UInt128> keyOf, int runLength)
    {
        var run = new UInt128[Math.Min(count, runLength)];
        var filled = 0;
        using var runs = new Runs();
        for (var position = 0; position < count; position++)
        {
            if (!keep(position))
            {
                continue;
            }

            run[filled++] = (keyOf(position) & ~PositionBits) | (uint)position;
            if (filled == run.Length && position < count - 1)
            {
                Array.Sort(run);
                runs.Write(run);
                filled = 0;
            }
        }

        Array.Sort(run, 0, filled);
        if (runs.Count == 0)
        {
            for (var index = 0; index < filled; index++)
            {
                yield return (int)(uint)run[index];
            }

            yield break;
        }

        runs.Write(run.AsSpan(0, filled));
        foreach (var key in runs.Merged())
        {
            yield return (int)(uint)key;
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
