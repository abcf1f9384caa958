using Kagi.Core.Model;
using Kagi.Terraform.Configuration;
using Kagi.Terraform.Plan;

namespace Kagi.Terraform;

/// <summary>
/// Reads Terraform (module directories, single .tf/.tf.json files, and <c>terraform show -json</c> plan files) into an
/// inventory. Bad input never throws: it becomes a diagnostic, and everything else is still read.
/// </summary>
public sealed class TerraformScanner
{
    private readonly TerraformScanOptions _options;

    public TerraformScanner(TerraformScanOptions? options = null)
    {
        _options = options ?? TerraformScanOptions.Default;
    }

    public Inventory Scan(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var resources = new List<CloudResource>();
        var diagnostics = new List<ScanDiagnostic>();
        foreach (var path in paths)
        {
            resources.AddRange(ScanPath(path, diagnostics));
        }

        var ordered = resources
            .OrderBy(r => r.Location?.File, StringComparer.Ordinal)
            .ThenBy(r => r.Location?.Line)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();

        // Every instance of a module meets the same problems in its source: each is reported once.
        return new Inventory(ordered, [.. diagnostics.Distinct()]);
    }

    private List<CloudResource> ScanPath(string path, List<ScanDiagnostic> diagnostics)
    {
        if (Directory.Exists(path))
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var loaded = new Dictionary<string, TerraformModule>(StringComparer.Ordinal);
            var directories = ModuleDirectories(path, visited, diagnostics);
            var called = directories.SelectMany(d => Read(d, diagnostics, () => CalledDirectories(d, loaded, diagnostics))).ToHashSet(StringComparer.Ordinal);

            // A directory that another scanned directory calls as a module is scanned through its callers, with their inputs.
            var roots = directories.Where(d => d == path || !called.Contains(Path.GetFullPath(d)));
            return [.. roots.SelectMany(directory => Read(directory, diagnostics, () => ConfigurationReader.Map(ModuleLoader.LoadOnce(directory, loaded, diagnostics), diagnostics, _options, loaded)))];
        }

        if (!File.Exists(path))
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, "no such file or directory", new SourceLocation(path, 1)));
            return [];
        }

        if (ModuleLoader.IsConfigurationFile(path))
        {
            var directory = Path.GetDirectoryName(path) ?? string.Empty;
            return Read(path, diagnostics, () => ConfigurationReader.Map(ModuleLoader.Load(directory, [Path.GetFileName(path)], diagnostics), diagnostics, _options));
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return Read(path, diagnostics, () => PlanSources.Locate(path, PlanReader.Read(path, File.ReadAllText(path), diagnostics), _options));
        }

        diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, "not a Terraform file (.tf, .tf.json) or plan (.json)", new SourceLocation(path, 1)));
        return [];
    }

    // The full paths of the local directories (./ and ../ sources) that a module's calls name.
    private static List<string> CalledDirectories(string directory, Dictionary<string, TerraformModule> loaded, List<ScanDiagnostic> diagnostics) =>
        [.. ModuleLoader.LoadOnce(directory, loaded, diagnostics).ModuleCalls.Values
            .Select(call => call.Argument("source")?.Value)
            .Select(source => source switch
            {
                Hcl.Syntax.LiteralExpr { Value: string text } => text,
                Hcl.Syntax.TemplateExpr { Parts: [Hcl.Syntax.TemplateLiteral literal] } => literal.Text,
                _ => null,
            })
            .OfType<string>()
            .Where(source => source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal))
            .Select(source => Path.GetFullPath(Path.Combine(directory, source)))];

    // A module or plan that cannot be read, for whatever reason, must not stop the rest of the scan.
    private static List<T> Read<T>(string path, List<ScanDiagnostic> diagnostics, Func<List<T>> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"cannot read: {error.Message}", new SourceLocation(path, 1)));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"internal error in {path}: {error.Message} ({error.GetType().Name}; a bug in Kagi, please report it)", new SourceLocation(path, 1)));
        }

        return [];
    }

    /// <summary>
    /// The directory and every directory beneath it holding configuration files, skipping hidden ones and .terraform.
    /// A directory reached twice through symbolic links is read once; one that cannot be listed is reported and skipped.
    /// </summary>
    private static List<string> ModuleDirectories(string root, HashSet<string> visited, List<ScanDiagnostic> diagnostics)
    {
        var found = new List<string>();
        try
        {
            var info = new DirectoryInfo(root);
            if (!visited.Add((info.ResolveLinkTarget(returnFinalTarget: true) ?? info).FullName))
            {
                return found;
            }

            if (Directory.EnumerateFiles(root).Any(ModuleLoader.IsConfigurationFile))
            {
                found.Add(root);
            }

            foreach (var child in Directory.EnumerateDirectories(root).Where(c => !Path.GetFileName(c).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                found.AddRange(ModuleDirectories(child, visited, diagnostics));
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"cannot read the directory: {error.Message}", new SourceLocation(root, 1)));
        }

        return found;
    }
}
