using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Kagi.Core.Collections;

/// <summary>
/// A list that only grows, of fixed-size records, kept on disk: each full chunk of a few thousand items is written to a
/// file and read back when asked for, a few chunks kept. So the per-verdict and per-resource records of an organization
/// of any size take the same memory. Read in order (as reports and the store read, sorted by <see cref="ExternalSort"/>),
/// each chunk is read once. Its file is made when the first chunk is full: a short list stays in memory.
/// </summary>
public sealed class SpillList<T> : IDisposable
    where T : unmanaged
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;
    private const int CachedChunks = 4;

    private readonly SpillDirectory _directory;
    private readonly string _name;
    private readonly T[] _filling = new T[ChunkSize];
    private readonly int[] _cachedChunk = [-1, -1, -1, -1];
    private readonly T[][] _cached = [new T[ChunkSize], new T[ChunkSize], new T[ChunkSize], new T[ChunkSize]];
    private readonly Lock _lock = new();
    private FileStream? _file;
    private int _count;

    /// <param name="directory">Where its file is made.</param>
    /// <param name="name">Its file's name there.</param>
    public SpillList(SpillDirectory directory, string name)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        (_directory, _name) = (directory, name);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>The item at <paramref name="index"/>; set, it is written through to disk.</summary>
    /// <exception cref="IOException">The disk is full or failing.</exception>
    public T this[int index]
    {
        get
        {
            lock (_lock)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
                var chunk = index >> ChunkShift;
                return (chunk == _count >> ChunkShift ? _filling : Chunk(chunk))[index & (ChunkSize - 1)];
            }
        }

        set
        {
            lock (_lock)
            {
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
                var chunk = index >> ChunkShift;
                if (chunk == _count >> ChunkShift)
                {
                    _filling[index & (ChunkSize - 1)] = value;
                    return;
                }

                RandomAccess.Write(_file!.SafeFileHandle, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)), Offset(chunk) + ((index & (ChunkSize - 1)) * (long)Unsafe.SizeOf<T>()));
                if (_cachedChunk[chunk % CachedChunks] == chunk)
                {
                    _cached[chunk % CachedChunks][index & (ChunkSize - 1)] = value;
                }
            }
        }
    }

    /// <exception cref="IOException">The disk is full or failing.</exception>
    public void Add(T item)
    {
        lock (_lock)
        {
            _filling[_count & (ChunkSize - 1)] = item;
            _count++;
            if ((_count & (ChunkSize - 1)) == 0)
            {
                _file ??= _directory.NewFile(_name);
                RandomAccess.Write(_file.SafeFileHandle, MemoryMarshal.AsBytes(_filling.AsSpan()), Offset((_count >> ChunkShift) - 1));
            }
        }
    }

    public void Dispose() => _file?.Dispose();

    // A written chunk, from the cache or read into the slot its number maps to.
    private T[] Chunk(int chunk)
    {
        var slot = chunk % CachedChunks;
        if (_cachedChunk[slot] != chunk)
        {
            SpillDirectory.ReadExactly(_file!, MemoryMarshal.AsBytes(_cached[slot].AsSpan()), Offset(chunk));

            _cachedChunk[slot] = chunk;
        }

        return _cached[slot];
    }

    private static long Offset(int chunk) => (long)chunk * ChunkSize * Unsafe.SizeOf<T>();
}
