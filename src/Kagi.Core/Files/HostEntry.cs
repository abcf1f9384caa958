using System.Runtime.InteropServices;
using System.Text;

namespace Kagi.Core.Files;

internal enum EntryKind
{
    Missing,
    RegularFile,
    Directory,

    /// <summary>A device, FIFO or socket: opening one may block, and reading one may never end.</summary>
    Special,
}

/// <summary>What is at a real path, told without opening it: opening a FIFO blocks until something writes to it.</summary>
internal sealed record HostEntry(string RealPath, EntryKind Kind, long Size)
{
    private const int FileTypeMask = 0xF000;
    private const int RegularFileType = 0x8000;
    private const int DirectoryType = 0x4000;

    public static HostEntry At(string realPath)
    {
        if (OperatingSystem.IsWindows())
        {
            var file = new FileInfo(realPath);
            return new(realPath, file.Exists ? EntryKind.RegularFile : Directory.Exists(realPath) ? EntryKind.Directory : EntryKind.Missing, file.Exists ? file.Length : 0);
        }

        // The .NET runtime's own portable stat (libSystem.Native): its FileStatus starts with Flags, Mode, Uid, Gid (int32
        // each), then Size (int64), and Mode carries the runtime's S_IF* file types, the same on every Unix.
        var status = new byte[256];
        try
        {
            if (NativeMethods.Stat(realPath, status) != 0)
            {
                return new(realPath, EntryKind.Missing, 0);
            }
        }
        catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without a way to tell a FIFO from a file, nothing is opened.
            return new(realPath, EntryKind.Special, 0);
        }

        var kind = (BitConverter.ToInt32(status, 4) & FileTypeMask) switch
        {
            RegularFileType => EntryKind.RegularFile,
            DirectoryType => EntryKind.Directory,
            _ => EntryKind.Special,
        };
        return new(realPath, kind, BitConverter.ToInt64(status, 16));
    }

    /// <summary>A regular file's text, or null when it holds more than <paramref name="maxBytes"/> bytes.</summary>
    /// <remarks>The size is counted while reading: files such as those in /proc say they are empty.</remarks>
    public string? ReadText(int maxBytes)
    {
        if (Size > maxBytes)
        {
            return null;
        }

        using var stream = new FileStream(RealPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var content = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                return null;
            }

            content.Write(chunk, 0, read);
        }

        var text = Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
        return text.StartsWith('\uFEFF') ? text[1..] : text;
    }

    private static class NativeMethods
    {
        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
    }
}
