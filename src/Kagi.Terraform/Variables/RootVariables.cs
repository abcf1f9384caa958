using System.Text.Json;
using Kagi.Core.Files;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Hcl;
using Kagi.Terraform.Configuration;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Variables;

/// <summary>
/// The values a root module's variables are given, by Terraform's precedence, lowest first: <c>TF_VAR_name</c>,
/// <c>terraform.tfvars</c>, <c>terraform.tfvars.json</c>, <c>*.auto.tfvars(.json)</c> in lexical order, then
/// <c>-var-file</c> and <c>-var</c> in command-line order. A later source replaces an earlier one.
/// </summary>
internal static class RootVariables
{
    private const string EnvironmentPrefix = "TF_VAR_";

    private static readonly string[] DefaultFiles = ["terraform.tfvars", "terraform.tfvars.json"];

    /// <param name="roots">What the module's own variables files may be read from; <c>--var-file</c> files were named by the user.</param>
    public static Dictionary<string, GivenValue> Load(TerraformModule module, TerraformScanOptions options, ScanRoots roots, List<ScanDiagnostic> diagnostics)
    {
        var given = new Dictionary<string, GivenValue>(StringComparer.Ordinal);
        foreach (var (name, value) in (options.Environment ?? new Dictionary<string, string>()).Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.Ordinal)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var variable = name[EnvironmentPrefix.Length..];

            // Terraform ignores TF_VAR_ variables the configuration does not declare.
            if (module.Variables.ContainsKey(variable))
            {
                given[variable] = new GivenValue(null, value, new SourceLocation($"environment variable {name}", 1));
            }
        }

        var directory = module.Directory.Length == 0 ? "." : module.Directory;
        var automatic = DefaultFiles
            .Concat(SafeFiles(directory).Where(IsAutoFile).Order(StringComparer.Ordinal))
            .Select(name => Path.Combine(module.Directory, name))
            .Where(ModuleLoader.Exists);
        foreach (var file in automatic)
        {
            if (roots.Readable(file, diagnostics) is { } readable)
            {
                ReadFile(file, readable.RealPath, module, given, diagnostics);
            }
        }

        foreach (var variable in options.Variables)
        {
            if (variable.IsFile)
            {
                ReadFile(variable.Text, variable.Text, module, given, diagnostics);
            }
            else
            {
                Assign(variable.Text, module, given, diagnostics);
            }
        }

        return given;
    }

    private static bool IsAutoFile(string name) =>
        name.EndsWith(".auto.tfvars", StringComparison.Ordinal) || name.EndsWith(".auto.tfvars.json", StringComparison.Ordinal);

    private static IEnumerable<string> SafeFiles(string directory)
    {
        try
        {
            return [.. Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>()];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static void Assign(string assignment, TerraformModule module, Dictionary<string, GivenValue> given, List<ScanDiagnostic> diagnostics)
    {
        var location = new SourceLocation("--var", 1);
        var equals = assignment.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            // Only the part before '=' is quoted: the value may be sensitive.
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.var-needs-name-value"), location));
            return;
        }

        var name = assignment[..equals].Trim();
        if (!module.Variables.ContainsKey(name))
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.var-undeclared", ("name", name), ("directory", module.Directory)), location));
            return;
        }

        given[name] = new GivenValue(null, assignment[(equals + 1)..], new SourceLocation($"--var {name}", 1));
    }

    /// <param name="path">The file as its locations name it.</param>
    /// <param name="source">Where it is read from.</param>
    private static void ReadFile(string path, string source, TerraformModule module, Dictionary<string, GivenValue> given, List<ScanDiagnostic> diagnostics)
    {
        try
        {
            var text = File.ReadAllText(source);
            var values = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromJson(path, text) : FromHcl(path, text);
            foreach (var (name, value, line) in values)
            {
                var location = new SourceLocation(path, line);
                if (!module.Variables.ContainsKey(name))
                {
                    diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, Texts.Canonical("reasons.value-for-undeclared", ("name", name), ("directory", module.Directory)), location));
                    continue;
                }

                given[name] = new GivenValue(value, null, location);
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.cannot-read-var-file", ("error", error.Message)), new SourceLocation(path, 1)));
        }
        catch (JsonException error)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.var-file-not-json"), new SourceLocation(path, (int)(error.LineNumber ?? 0) + 1)));
        }
        catch (HclParseException error)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, error.Detail, string.IsNullOrEmpty(error.Range.File) ? new SourceLocation(path, 1) : error.Range.ToLocation()));
        }
        catch (EvaluationException error)
        {
            diagnostics.Add(new ScanDiagnostic(error.Severity, error.Message, error.Range?.ToLocation() ?? new SourceLocation(path, 1)));
        }
    }

    private static List<(string Name, TfValue Value, int Line)> FromHcl(string path, string text)
    {
        var file = HclParser.ParseNative(text, path);
        if (file.Body.Blocks.Count > 0)
        {
            throw new EvaluationException("a variables file holds only NAME = VALUE lines, not blocks", file.Body.Blocks[0].TypeRange);
        }

        var evaluator = new ExpressionEvaluator(NoReferences.Instance);
        return [.. file.Body.Attributes.Select(a => (a.Name, evaluator.Evaluate(a.Value, Scope.Empty), a.Range.Start.Line))];
    }

    private static List<(string Name, TfValue Value, int Line)> FromJson(string path, string text)
    {
        using var document = JsonDocument.Parse(text);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new EvaluationException($"{path}: a JSON variables file holds one object");
        }

        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, JsonValues.FromJson(p.Value), 1))];
    }
}
