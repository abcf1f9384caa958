using Kagi.Testing;
namespace Kagi.Hcl.Tests.Oracle;

/// <summary>
/// The .tf files compared with HashiCorp's parser, as paths relative to the repository root with '/':
/// our corpus, the published modules the evaluator's corpus copies, the examples, and the fixtures of other test projects.
/// </summary>
internal static class CorpusFiles
{
    public static IReadOnlyList<string> All { get; } = Find();

    public static IEnumerable<string> Valid => All.Where(file => !IsInvalid(file));

    public static IEnumerable<string> Invalid => All.Where(IsInvalid);

    public static string Read(string relativePath) => File.ReadAllText(RepoPaths.Combine(relativePath));

    private static bool IsInvalid(string file) => file.StartsWith("tests/corpus/hcl/invalid/", StringComparison.Ordinal);

    private static List<string> Find()
    {
        var files = new List<string>();
        files.AddRange(Under("tests/corpus/hcl", _ => true));
        files.AddRange(Under("tests/corpus/terraform-modules", _ => true));
        files.AddRange(Under("tests/Kagi.Terraform.Tests/Corpus", _ => true));
        files.AddRange(Under("examples", _ => true));
        files.AddRange(Under("tests", file => file.Contains("/Fixtures/", StringComparison.Ordinal)));
        return [.. files.Distinct().Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Under(string folder, Func<string, bool> keep)
    {
        var root = RepoPaths.Combine(folder);
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.tf", SearchOption.AllDirectories)
                .Select(file => Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/'))
                .Where(file => !file.Contains("/node_modules/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal) && !file.Contains("/obj/", StringComparison.Ordinal))
                .Where(keep)
            : [];
    }
}
