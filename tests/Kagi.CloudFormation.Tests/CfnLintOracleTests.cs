using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kagi.Rules;
using Kagi.Testing;

namespace Kagi.CloudFormation.Tests;

/// <summary>
/// cfn-lint (1.51, in the machine's Python) is the oracle: it accepts every template fixture, and its bundled resource
/// specification holds every CloudFormation type and property the mappers read, so a misspelt property fails here.
/// </summary>
public sealed partial class CfnLintOracleTests
{
    private static readonly string[] MapperSources =
    [
        .. Directory.EnumerateFiles(RepoPaths.Combine("src", "Kagi.Rules"), "*CloudFormationMapper.cs", SearchOption.AllDirectories),
        RepoPaths.Combine("src", "Kagi.CloudFormation", "Mapping", "TemplateKeyResolver.cs"),
    ];

    [Fact]
    public void Cfn_lint_accepts_every_template_fixture()
    {
        var templates = Directory.EnumerateFiles(RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures"), "template.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(templates);

        var (exitCode, output) = Run("cfn-lint", ["--format", "parseable", .. templates]);

        // cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational (stateful resources without a DeletionPolicy).
        Assert.True((exitCode & 0b111) == 0, $"cfn-lint exited {exitCode}:\n{output}");
    }

    [Fact]
    public void Every_type_and_property_the_mappers_read_is_in_cfn_lints_specification()
    {
        var sources = MapperSources.Select(File.ReadAllText).ToList();
        var types = KindCatalog.CloudFormationMappers.Records.Keys
            .Concat(sources.SelectMany(source => TypeLiteral().Matches(source).Select(match => match.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        var properties = sources.SelectMany(source => PropertyRead().Matches(source).Select(match => match.Groups[1].Value)
            .Concat(RestoreSources().Matches(source).SelectMany(match => Quoted().Matches(match.Groups[1].Value).Select(quoted => quoted.Groups[1].Value))))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("KmsKeyId", properties);
        Assert.Contains("SnapshotIdentifier", properties);
        Assert.Contains("AWS::Neptune::DBInstance", types);
        Assert.Contains("AWS::Serverless::SimpleTable", types);

        var specification = Specification(types);

        var missingTypes = types.Where(type => !specification.ContainsKey(type)).ToList();
        Assert.True(missingTypes.Count == 0, $"not in cfn-lint's specification: {string.Join(", ", missingTypes)}");
        var known = specification.Values.SelectMany(names => names).ToHashSet(StringComparer.Ordinal);
        var missingProperties = properties.Where(property => !known.Contains(property)).ToList();
        Assert.True(missingProperties.Count == 0, $"no type the mappers read declares: {string.Join(", ", missingProperties)}");
        Assert.DoesNotContain("KmsKeyID", known);
    }

    // The schema of each type, by the hash its us-east-1 provider file names, as every property name it declares at any
    // depth; SAM's types from the schema of the SAM translator cfn-lint runs.
    private static Dictionary<string, HashSet<string>> Specification(IEnumerable<string> types)
    {
        var (_, folder) = Run("python3", ["-c", "import cfnlint, os; print(os.path.join(os.path.dirname(cfnlint.__file__), 'data', 'schemas'))"]);
        var schemas = folder.Trim();
        var hashes = ProviderEntry().Matches(File.ReadAllText(Path.Combine(schemas, "providers", "us_east_1.py")))
            .ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value, StringComparer.Ordinal);
        var (_, samFile) = Run("python3", ["-c", "import samtranslator, os; print(os.path.join(os.path.dirname(samtranslator.__file__), 'validator', 'sam_schema', 'schema.json'))"]);
        using var sam = JsonDocument.Parse(File.ReadAllText(samFile.Trim()));
        var samTypes = sam.RootElement.GetProperty("definitions");
        var specification = types.Where(type => samTypes.TryGetProperty(type, out _)).ToDictionary(
            type => type,
            type =>
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                Collect(samTypes.GetProperty(type), names);
                return names;
            },
            StringComparer.Ordinal);
        return types.Where(hashes.ContainsKey).ToDictionary(
            type => type,
            type =>
            {
                using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(schemas, "resources", $"{hashes[type]}.json")));
                var names = new HashSet<string>(StringComparer.Ordinal);
                Collect(schema.RootElement, names);
                return names;
            },
            StringComparer.Ordinal).Concat(specification).ToDictionary(StringComparer.Ordinal);
    }

    private static void Collect(JsonElement element, HashSet<string> names)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "properties" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    names.UnionWith(property.Value.EnumerateObject().Select(declared => declared.Name));
                }

                Collect(property.Value, names);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, names);
            }
        }
    }

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    [GeneratedRegex("\"(AWS::\\w+::\\w+)\"")]
    private static partial Regex TypeLiteral();

    // resource.Get("X"), TemplateFacts.Bool(resource, "X", …), keys.Resolve(resource, "X"), TemplateScope.RefersTo(alias, "X", …), map.Get("X")
    [GeneratedRegex("(?:\\.Get|TemplateFacts\\.\\w+(?:<[^>]+>)?|\\.Resolve|TemplateScope\\.RefersTo)\\((?:\\w+,\\s*)?\"(\\w+)\"")]
    private static partial Regex PropertyRead();

    [GeneratedRegex("RestoreSources = \\[(.*?)\\]")]
    private static partial Regex RestoreSources();

    [GeneratedRegex("\"(\\w+)\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("\"(AWS::[^\"]+)\": \"([0-9a-f]+)\"")]
    private static partial Regex ProviderEntry();
}
