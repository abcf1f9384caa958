using System.Runtime.CompilerServices;

namespace Kagi.Hcl.Tests;

/// <summary>Finds repository files from this source file's location, so tests do not depend on the output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = Path.GetDirectoryName(sourceFile); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Kagi.slnx")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException($"no Kagi.slnx above {sourceFile}");
    }
}
