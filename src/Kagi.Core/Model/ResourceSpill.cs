using Kagi.Core.Collections;

namespace Kagi.Core.Model;

/// <summary>
/// Resources kept on disk instead of in memory, each written once as its saved-inventory record to a file in a private
/// temporary directory (<see cref="SpillDirectory"/>) and read back by position when asked for, its place in the file
/// kept on disk too (<see cref="SpillList{T}"/>). The few resources read last are kept, so reading a
/// resource's verdicts one after another reads its record once; more would only outlive the young generation and leave
/// the collector a large old one to sweep (an organization's store and reports read millions of records).
/// </summary>
internal sealed class ResourceSpill : IDisposable
{
    private const int CachedRecords = 64;

    private readonly ResourceKinds _kinds;
    private readonly FileStream _file;
    private readonly SpillList<long> _starts;
    private readonly Cached?[] _cache = new Cached?[CachedRecords];
    private readonly Lock _lock = new();
    private long _length;

    /// <param name="kinds">The kinds the spilled resources are of, to read their records back.</param>
    /// <param name="directory">Where the records are written.</param>
    /// <exception cref="IOException">No file could be made.</exception>
    public ResourceSpill(ResourceKinds kinds, SpillDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(directory);
        _kinds = kinds;
        _file = directory.NewFile("resources");
        _starts = new SpillList<long>(directory, "resource-starts");
    }

    /// <summary>Where the records are kept, for messages.</summary>
    public string Location => _file.Name;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _starts.Count;
            }
        }
    }

    /// <summary>Spills <paramref name="resource"/> and gives its position.</summary>
    /// <exception cref="IOException">The disk is full or failing.</exception>
    public int Add(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var record = InventoryFile.ResourceRecord(resource);
        lock (_lock)
        {
            RandomAccess.Write(_file.SafeFileHandle, record, _length);
            _starts.Add(_length);
            _length += record.Length;
            return _starts.Count - 1;
        }
    }

    /// <summary>The resource spilled at <paramref name="position"/>, read anew unless read lately; do not change it.</summary>
    public CloudResource this[int position]
    {
        get
        {
            var slot = position % CachedRecords;
            if (Volatile.Read(ref _cache[slot]) is { } cached && cached.Position == position)
            {
                return cached.Resource;
            }

            byte[] record;
            lock (_lock)
            {
                var start = _starts[position];
                var end = position + 1 < _starts.Count ? _starts[position + 1] : _length;
                record = new byte[end - start];
                SpillDirectory.ReadExactly(_file, record, start);
            }

            var resource = InventoryFile.ReadResourceRecord(record, _kinds);
            Volatile.Write(ref _cache[slot], new Cached(position, resource));
            return resource;
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _starts.Dispose();
    }

    private sealed record Cached(int Position, CloudResource Resource);
}
