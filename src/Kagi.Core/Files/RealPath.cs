namespace Kagi.Core.Files;

/// <summary>
/// A path with every symbolic link on the way resolved, as the operating system would follow it when opening it
/// (a <c>..</c> after a link climbs from the link's target, not from the link).
/// </summary>
internal static class RealPath
{
    // As Linux's ELOOP: more links than this on one path is taken for a loop.
    private const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    /// <summary>The absolute real path, or null when its links loop or cannot be read.</summary>
    public static string? Of(string path)
    {
        var absolute = Path.IsPathRooted(path) ? path : Path.Join(Environment.CurrentDirectory, path);
        var current = Path.GetPathRoot(absolute)!;
        var pending = new Stack<string>();
        Push(pending, absolute[current.Length..]);
        var links = 0;
        try
        {
            while (pending.TryPop(out var part))
            {
                if (part == ".")
                {
                    continue;
                }

                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }

                var next = Path.Join(current, part);
                if (new FileInfo(next).LinkTarget is not { } target)
                {
                    current = next;
                    continue;
                }

                if (++links > MaxLinks)
                {
                    return null;
                }

                if (Path.IsPathRooted(target))
                {
                    current = Path.GetPathRoot(target)!;
                    target = target[current.Length..];
                }

                Push(pending, target);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return current;
    }

    private static void Push(Stack<string> pending, string relative)
    {
        foreach (var part in relative.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            pending.Push(part);
        }
    }
}
