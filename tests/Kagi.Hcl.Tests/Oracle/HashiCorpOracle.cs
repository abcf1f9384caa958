using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kagi.Testing;

namespace Kagi.Hcl.Tests.Oracle;

/// <summary>What HashiCorp's parser (via tools/hcl2json) makes of a file: its JSON, or its error message.</summary>
internal sealed partial record OracleResult(JsonObject? Json, string? Error)
{
    /// <summary>HashiCorp's parser accepted the file but hcl2json could not show it as JSON (e.g. it evaluates <c>-true</c>).</summary>
    public bool IsConversionFailure => Error?.StartsWith("convert to HCL:", StringComparison.Ordinal) == true;

    public bool Rejects => Json is null && !IsConversionFailure;

    /// <summary>
    /// The earliest line among the diagnostics, <c>parse config: [file.tf:3,2-3: Summary; Detail file.tf:2,1-4: ...]</c>:
    /// HashiCorp's parser recovers and lists errors in no particular order, while ours stops at the first.
    /// </summary>
    public int? ErrorLine => Error is null
        ? null
        : DiagnosticLine().Matches(Error).Select(match => (int?)int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)).Min();

    /// <summary>A diagnostic's own place, not a place its detail refers to ("was already set at file.tf:2,3-4").</summary>
    [GeneratedRegex(@"(?:\[|\s)(?<!\bat\s)[^\s\[]*\.tf:(\d+),\d+")]
    private static partial Regex DiagnosticLine();
}

/// <summary>Runs tools/hcl2json once, in one node process, for every file the tests compare.</summary>
internal static class HashiCorpOracle
{
    private static readonly Lazy<IReadOnlyDictionary<string, OracleResult>> CorpusResults = new(() => Run(CorpusFiles.All));

    /// <summary>The result for a corpus file, by its path relative to the repository root.</summary>
    public static OracleResult For(string relativePath) =>
        CorpusResults.Value.TryGetValue(relativePath, out var result)
            ? result
            : throw new InvalidOperationException($"hcl2json gave no result for {relativePath}");

    /// <summary>Results for any files, keyed by the paths given (relative to the repository root, or absolute).</summary>
    public static Dictionary<string, OracleResult> Run(IEnumerable<string> files)
    {
        var tool = RepoPaths.Combine("tools", "hcl2json");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "@cdktf", "hcl2json")))
        {
            throw new InvalidOperationException("HashiCorp's parser is not installed; run: npm ci --prefix tools/hcl2json");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(tool, "hcl2json.js"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = StartNode(start);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tools/hcl2json failed ({process.ExitCode}): {stderr.Result}");
        }

        var parsed = JsonNode.Parse(stdout)!.AsObject();
        return parsed.ToDictionary(
            pair => pair.Key,
            pair => new OracleResult(pair.Value!["ok"]?.AsObject(), pair.Value!["error"]?.GetValue<string>()));
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("node is not installed; install Node.js, then run: npm ci --prefix tools/hcl2json", e);
        }
    }
}
