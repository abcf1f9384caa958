using System.Runtime.CompilerServices;

namespace Kagi.Terraform.Tests.Support;

/// <summary>Finds repository files from this source file, wherever the test binaries were built.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Plans => Path.Combine(Root, "tests", "Kagi.Terraform.Tests", "Plans");

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
