using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Core.Files;

/// <summary>
/// What a scan may read: the folders and files it was asked to scan, and those allowed with <c>--allow-outside</c>,
/// by their real paths. A path is inside when its real path (every symbolic link resolved) is one of them or beneath
/// one, so neither <c>../</c>, an absolute path nor a link leads a read anywhere else.
/// </summary>
internal sealed class ScanRoots
{
    /// <summary>
    /// The largest file a Terraform function reads; anything larger is unknown. It equals the default string limit
    /// (<c>--max-string-length</c>), so a file that is read can also be used.
    /// </summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly List<string> _roots;

    private ScanRoots(List<string> roots)
    {
        _roots = roots;
    }

    /// <summary>Nothing may be read: for values that come from outside the configuration, such as variable files.</summary>
    public static ScanRoots None { get; } = new([]);

    /// <summary>The given folders and files; a path that does not exist adds nothing.</summary>
    public static ScanRoots Of(IEnumerable<string> paths) =>
        new([.. paths.Select(RealPath.Of).OfType<string>().Where(Path.Exists).Distinct(StringComparer.Ordinal)]);

    /// <summary>What is at <paramref name="path"/>, or null when it is outside the roots (or its links loop).</summary>
    public HostEntry? Find(string path) =>
        RealPath.Of(path) is { } real && _roots.Any(root => IsWithin(real, root)) ? HostEntry.At(real) : null;

    /// <summary>
    /// A file a scan reads as source (a .tf file, a template, a variables file, terraform init's module list), or
    /// null, reported, when it is a link leading outside the roots or not a regular file.
    /// </summary>
    public HostEntry? Readable(string path, List<ScanDiagnostic> diagnostics)
    {
        var entry = Find(path);
        var refusal = entry?.Kind switch
        {
            null => Texts.Canonical("reasons.file-link-outside"),
            EntryKind.RegularFile => null,
            EntryKind.Special => Texts.Canonical("reasons.file-special"),
            _ => Texts.Canonical("reasons.file-missing"),
        };
        if (refusal is not null)
        {
            diagnostics.Add(new ScanDiagnostic(entry is null ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, refusal, new SourceLocation(path, 1)));
            return null;
        }

        return entry;
    }

    private static bool IsWithin(string path, string root) =>
        path.Equals(root, PathComparison)
        || (path.StartsWith(root, PathComparison) && (Path.EndsInDirectorySeparator(root) || path[root.Length] == Path.DirectorySeparatorChar));
}
