using System.Runtime.CompilerServices;

namespace Kagi.Testing;

/// <summary>Finds repository files from this source file, wherever the test binaries were built. Linked into every test project.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Examples => Combine("examples");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot([CallerFilePath] string source = "")
    {
        var directory = Path.GetDirectoryName(source);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Kagi.slnx")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException($"no Kagi.slnx above {source}");
    }
}
