using System.Text.Json;
using System.Text.Json.Serialization;
using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Store;

/// <summary>
/// The failing fingerprints a team accepted at one point, for CI: with <c>--baseline</c> only failures not in it fail
/// the build. A file in the repository rather than the store, so it is reviewed like code.
/// </summary>
public sealed record Baseline(IReadOnlySet<string> Fingerprints)
{
    public static Baseline From(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verdicts = report.Verdicts;
        return new Baseline(Enumerable.Range(0, verdicts.Count)
            .Where(index => verdicts.StatusAt(index) == ResultStatus.Fail)
            .Select(verdicts.FingerprintAt)
            .ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The findings still failing the build: those the baseline does not hold.</summary>
    public ScanReport Filter(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var verdicts = report.Verdicts;
        return report with { Findings = verdicts.Where(index => !Fingerprints.Contains(verdicts.FingerprintAt(index))) };
    }

    public void Write(string path)
    {
        var file = new BaselineFile("1", [.. Fingerprints.Order(StringComparer.Ordinal)]);
        File.WriteAllText(path, JsonSerializer.Serialize(file, BaselineJson.Default.BaselineFile) + Environment.NewLine);
    }

    /// <summary>Reads a baseline file; a file that is not one is bad input, said plainly.</summary>
    public static Baseline Read(string path)
    {
        try
        {
            var file = JsonSerializer.Deserialize(File.ReadAllText(path), BaselineJson.Default.BaselineFile);
            if (file?.Fingerprints is null)
            {
                throw new InvalidDataException($"{path} is not a Kagi baseline: it has no 'fingerprints' list");
            }

            return new Baseline(file.Fingerprints.ToHashSet(StringComparer.Ordinal));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a Kagi baseline: {exception.Message}", exception);
        }
    }

    internal sealed record BaselineFile(string SchemaVersion, string[] Fingerprints);
}

/// <summary>The baseline file: indented, camel case.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Baseline.BaselineFile))]
internal sealed partial class BaselineJson : JsonSerializerContext;
