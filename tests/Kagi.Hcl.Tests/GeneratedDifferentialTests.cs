using Kagi.Hcl.Tests.Oracle;

namespace Kagi.Hcl.Tests;

/// <summary>
/// Random files from HCL's grammar must parse exactly as HashiCorp's parser parses them, and the same files with a random
/// defect must fail as HashiCorp's do, at the same line. Seeds are fixed, so a failure reproduces; its files are kept.
/// </summary>
public sealed class GeneratedDifferentialTests : IDisposable
{
    private const int Files = 1000;

    /// <summary>
    /// Errors that HashiCorp's parser places where its error recovery stopped (often the end of the file), or follows with
    /// errors inside text it could not delimit; ours point at the offending token instead, which is more useful.
    /// </summary>
    private static readonly string[] ReportsWhereRecoveryStopped =
        ["Missing close bracket on index;", "Missing close bracket on splat index;", "Unterminated template string;"];

    private readonly string _folder = Directory.CreateTempSubdirectory("kagi-hcl-random-").FullName;
    private bool _keep;

    /// <summary>Keeps the files of a failed run for a closer look.</summary>
    public void Dispose()
    {
        if (!_keep)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Random_files_parse_like_HashiCorp()
    {
        AssertSameAsHashiCorp(seed => new RandomHcl(seed).File());
    }

    /// <summary>One random deletion or insertion in a random file: mostly broken files, which must fail where HashiCorp's do.</summary>
    [Fact]
    public void Damaged_random_files_are_rejected_like_HashiCorp_at_the_same_line()
    {
        AssertSameAsHashiCorp(seed => RandomHcl.Damage(new RandomHcl(seed).File(), seed));
    }

    private void AssertSameAsHashiCorp(Func<int, string> generate)
    {
        var texts = new Dictionary<string, string>();
        for (var seed = 0; seed < Files; seed++)
        {
            var path = Path.Combine(_folder, $"random{seed}.tf");
            texts[path] = generate(seed);
            File.WriteAllText(path, texts[path]);
        }

        var oracle = HashiCorpOracle.Run(texts.Keys);

        var failures = texts.Select(pair => Compare(pair.Key, pair.Value, oracle[pair.Key])).OfType<string>().ToList();
        _keep = failures.Count > 0;
        Assert.True(failures.Count == 0, $"{failures.Count} of {Files} generated files in {_folder} differ; the first:\n{string.Join("\n\n", failures.Take(3))}");
    }

    private static string? Compare(string path, string text, OracleResult oracle)
    {
        var name = Path.GetFileName(path);
        try
        {
            var ours = HclJsonShape.Render(HclParser.ParseNative(text, path), text);
            if (oracle.Rejects)
            {
                return $"{name}: HashiCorp rejects it ({oracle.Error}) but we accept it:\n{text}";
            }

            var difference = oracle.Json is null ? null : JsonDiff.FirstDifference(oracle.Json, ours);
            return difference is null ? null : $"{name}: {difference}\n{text}";
        }
        catch (HclParseException e)
        {
            if (!oracle.Rejects)
            {
                return $"{name}: HashiCorp accepts it but we say {e.Message}\n{text}";
            }

            var sameLine = oracle.ErrorLine == e.Range.Start.Line || ReportsWhereRecoveryStopped.Any(oracle.Error!.Contains);
            return sameLine ? null : $"{name}: HashiCorp says {oracle.Error}\nwe say {e.Message}\n{text}";
        }
    }
}
