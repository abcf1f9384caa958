namespace Kagi.Core.Collections;

/// <summary>
/// A list that only grows, kept in fixed chunks of a few thousand items rather than one array: growing never copies
/// what is there nor leaves the old array behind, and no chunk is large enough for the large-object heap, which is
/// swept only with the oldest generation. For per-verdict and per-resource records of an organization's millions.
/// </summary>
internal sealed class ChunkedList<T>
    where T : struct
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;
    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _chunks[index >> ChunkShift][index & (ChunkSize - 1)];
        }
    }

    public void Add(T item)
    {
        if ((Count & (ChunkSize - 1)) == 0)
        {
            _chunks.Add(new T[ChunkSize]);
        }

        _chunks[^1][Count & (ChunkSize - 1)] = item;
        Count++;
    }
}
