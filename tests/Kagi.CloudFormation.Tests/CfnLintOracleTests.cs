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
        .. Directory.EnumerateFiles(RepoPaths.Combine("src", "Kagi.Rules"), "*CloudFormation*.cs", SearchOption.AllDirectories),
        RepoPaths.Combine("src", "Kagi.CloudFormation", "Mapping", "TemplateKeyResolver.cs"),
    ];

    [Fact]
    public void Cfn_lint_accepts_every_template_fixture()
    {
        var templates = Directory.EnumerateFiles(RepoPaths.Combine("tests", "Kagi.Rules.Tests", "Fixtures"), "template.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(templates);

        // cfn-lint's exit code is a bit set: 2 errors, 4 warnings, 8 informational (stateful resources without a DeletionPolicy).
        var (accepted, output) = CfnLint.Check(templates);
        Assert.True(accepted, output);
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

    // Every property name each type's schema declares, at any depth; SAM's types from the schema of the SAM translator
    // cfn-lint runs (cfn-lint's own specification has only the types SAM turns them into).
    private static Dictionary<string, HashSet<string>> Specification(IEnumerable<string> types)
    {
        var specification = CfnLint.Schemas(types).ToDictionary(pair => pair.Key, pair => CfnLint.PropertyNamesAtAnyDepth(pair.Value), StringComparer.Ordinal);
        var (_, samFile) = CfnLint.Run("python3", ["-c", "import samtranslator, os; print(os.path.join(os.path.dirname(samtranslator.__file__), 'validator', 'sam_schema', 'schema.json'))"]);
        using var sam = JsonDocument.Parse(File.ReadAllText(samFile.Trim()));
        var samTypes = sam.RootElement.GetProperty("definitions");
        foreach (var type in types.Where(type => samTypes.TryGetProperty(type, out _)))
        {
            specification[type] = CfnLint.PropertyNamesAtAnyDepth(samTypes.GetProperty(type));
        }

        return specification;
    }

    [GeneratedRegex("\"(AWS::\\w+::\\w+)\"")]
    private static partial Regex TypeLiteral();

    // resource.Get("X"), TemplateFacts.Bool(resource, "X", …), DbClusterCloudFormation.Scaling(resource, "X"), keys.Resolve(resource, "X"), TemplateScope.RefersTo(alias, "X", …), map.Get("X")
    [GeneratedRegex("(?:\\.Get|(?:TemplateFacts|DbClusterCloudFormation)\\.\\w+(?:<[^>]+>)?|\\.Resolve|TemplateScope\\.RefersTo)\\((?:\\w+,\\s*)?\"(\\w+)\"")]
    private static partial Regex PropertyRead();

    [GeneratedRegex("RestoreSources = \\[(.*?)\\]")]
    private static partial Regex RestoreSources();

    [GeneratedRegex("\"(\\w+)\"")]
    private static partial Regex Quoted();
}
