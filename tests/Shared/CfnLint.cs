using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kagi.Testing;

/// <summary>cfn-lint (1.51, in the machine's Python): run it, and read the resource schemas it bundles.</summary>
internal static partial class CfnLint
{
    /// <summary>Runs a program, with its exit code and its output and errors together.</summary>
    public static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments)
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

    /// <summary>Runs cfn-lint on templates; true when it finds no error or warning (exit bits 2 and 4; 8 is informational).</summary>
    /// <param name="ignoredChecks">cfn-lint rule IDs left out, e.g. E3003 (a required property missing).</param>
    public static (bool Accepted, string Output) Check(IEnumerable<string> templates, params string[] ignoredChecks)
    {
        string[] ignoring = ignoredChecks.Length > 0 ? ["--ignore-checks", .. ignoredChecks] : [];
        var (exitCode, output) = Run("cfn-lint", ["--format", "parseable", .. ignoring, "--", .. templates]);
        return ((exitCode & 0b111) == 0, $"cfn-lint exited {exitCode}:\n{output}");
    }

    /// <summary>Runs cfn-lint on a template given as text, written to a temporary <c>template.EXTENSION</c>.</summary>
    public static (bool Accepted, string Output) CheckText(string template, string extension, params string[] ignoredChecks)
    {
        var folder = Directory.CreateTempSubdirectory("kagi-cfn-lint-");
        try
        {
            var file = Path.Combine(folder.FullName, $"template.{extension}");
            File.WriteAllText(file, template);
            var (accepted, output) = Check([file], ignoredChecks);
            return (accepted, $"{output}\n{template}");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The schema of each type that cfn-lint knows, by the hash its us-east-1 provider file names; a type it does not know is left out.</summary>
    public static Dictionary<string, JsonElement> Schemas(IEnumerable<string> types)
    {
        var (_, folder) = Run("python3", ["-c", "import cfnlint, os; print(os.path.join(os.path.dirname(cfnlint.__file__), 'data', 'schemas'))"]);
        var schemas = folder.Trim();
        var hashes = ProviderEntry().Matches(File.ReadAllText(Path.Combine(schemas, "providers", "us_east_1.py")))
            .ToDictionary(match => match.Groups[1].Value, match => match.Groups[2].Value, StringComparer.Ordinal);
        return types.Distinct(StringComparer.Ordinal).Where(hashes.ContainsKey).ToDictionary(
            type => type,
            type =>
            {
                using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(schemas, "resources", $"{hashes[type]}.json")));
                return schema.RootElement.Clone();
            },
            StringComparer.Ordinal);
    }

    /// <summary>Every property name a schema declares, at any depth (a type's own and those of its nested definitions).</summary>
    public static HashSet<string> PropertyNamesAtAnyDepth(JsonElement schema)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, names);
        return names;
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

    [GeneratedRegex("\"(AWS::[^\"]+)\": \"([0-9a-f]+)\"")]
    private static partial Regex ProviderEntry();
}
