namespace Kagi.Core.Collections;

/// <summary>
/// A private temporary directory for what a large scan keeps on disk rather than in memory: made owner-only (0700) by
/// the runtime on Unix, as its files hold what the scan read of every account, and deleted with them on dispose. It is
/// made when first needed: a scan small enough for memory never touches the disk.
/// </summary>
public sealed class SpillDirectory : IDisposable
{
    private readonly Lock _lock = new();
    private DirectoryInfo? _directory;

    /// <summary>Where the files are kept (made now if it was not), for messages.</summary>
    /// <exception cref="IOException">No private temporary directory could be made.</exception>
    public string Location => Directory().FullName;

    /// <summary>A new file in the directory, open for reading and writing, deleted when it is closed.</summary>
    /// <exception cref="IOException">The directory or the file could not be made.</exception>
    public FileStream NewFile(string name) =>
        new(Path.Combine(Directory().FullName, name), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="file"/> at <paramref name="offset"/>.</summary>
    /// <exception cref="IOException">The file ends first (it was cut short), or the disk is failing.</exception>
    public static void ReadExactly(FileStream file, Span<byte> buffer, long offset)
    {
        ArgumentNullException.ThrowIfNull(file);
        for (var read = 0; read < buffer.Length;)
        {
            var got = RandomAccess.Read(file.SafeFileHandle, buffer[read..], offset + read);
            read += got > 0 ? got : throw new IOException($"{file.Name}: {buffer.Length - read} bytes missing at {offset + read}");
        }
    }

    public void Dispose()
    {
        try
        {
            _directory?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Held by a file still open, or already gone: the runtime's temp cleanup will take it.
        }
    }

    private DirectoryInfo Directory()
    {
        lock (_lock)
        {
            return _directory ??= System.IO.Directory.CreateTempSubdirectory("kagi-spill-");
        }
    }
}
