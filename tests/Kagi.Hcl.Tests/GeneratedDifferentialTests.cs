using Kagi.Hcl.Tests.Oracle;

namespace Kagi.Hcl.Tests;

/// <summary>Random valid files from HCL's grammar must parse exactly as HashiCorp's parser parses them.</summary>
public sealed class GeneratedDifferentialTests : IDisposable
{
    private const int Files = 400;

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
        var texts = new Dictionary<string, string>();
        for (var seed = 0; seed < Files; seed++)
        {
            var path = Path.Combine(_folder, $"random{seed}.tf");
            texts[path] = new RandomHcl(seed).File();
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
            if (oracle.Json is null)
            {
                return $"{name}: HashiCorp rejects it ({oracle.Error}) but we accept it:\n{text}";
            }

            return JsonDiff.FirstDifference(oracle.Json, ours) is { } difference ? $"{name}: {difference}\n{text}" : null;
        }
        catch (HclParseException e)
        {
            return oracle.Json is null ? null : $"{name}: HashiCorp accepts it but we say {e.Message}\n{text}";
        }
    }
}
