using Kagi.Core.Collections;

namespace Kagi.Core.Model;

/// <summary>
/// Resources kept on disk instead of in memory, each written once as its saved-inventory record to a file in a private
/// temporary directory (owner-only, deleted on dispose) and read back by position when asked for. An organization scan
/// so holds a position per resource, not a million records. The few resources read last are kept, so reading a
/// resource's verdicts one after another reads its record once; more would only outlive the young generation and leave
/// the collector a large old one to sweep (an organization's store and reports read millions of records).
/// </summary>
public sealed class ResourceSpill : IDisposable
{
    private const int CachedRecords = 64;

    private readonly ResourceKinds _kinds;
    private readonly DirectoryInfo _directory;
    private readonly FileStream _file;
    private readonly ChunkedList<long> _starts = new();
    private readonly Cached?[] _cache = new Cached?[CachedRecords];
    private readonly Lock _lock = new();
    private long _length;

    /// <param name="kinds">The kinds the spilled resources are of, to read their records back.</param>
    /// <exception cref="IOException">No private temporary directory or file could be made.</exception>
    public ResourceSpill(ResourceKinds kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        _kinds = kinds;

        // Made owner-only (0700) by the runtime on Unix: the records hold what the scan read of every account.
        _directory = Directory.CreateTempSubdirectory("kagi-spill-");
        _file = new FileStream(Path.Combine(_directory.FullName, "resources"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
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
                RandomAccess.Read(_file.SafeFileHandle, record, start);
            }

            var resource = InventoryFile.ReadResourceRecord(record, _kinds);
            Volatile.Write(ref _cache[slot], new Cached(position, resource));
            return resource;
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or held by another process: the runtime's temp cleanup will take it.
        }
    }

    private sealed record Cached(int Position, CloudResource Resource);
}
