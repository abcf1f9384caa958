using Kagi.Core.Files;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Terraform.Configuration;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Plan;

namespace Kagi.Terraform;

/// <summary>
/// Reads Terraform (module directories, single .tf/.tf.json files, and <c>terraform show -json</c> plan files) into an
/// inventory. Bad input never throws: it becomes a diagnostic, and everything else is still read.
/// </summary>
public sealed class TerraformScanner
{
    private readonly ResourceMappers _mappers;
    private readonly TerraformScanOptions _options;

    /// <param name="mappers">The kinds to map, each by its Terraform types: the catalogue's.</param>
    public TerraformScanner(ResourceMappers mappers, TerraformScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(mappers);
        _mappers = mappers;
        _options = options ?? TerraformScanOptions.Default;
    }

    public Inventory Scan(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var resources = new List<CloudResource>();
        var diagnostics = new List<ScanDiagnostic>();
        var roots = ScanRoots.Of(paths.Concat(_options.AllowOutside));
        var options = WithoutMissingFiles(_options, diagnostics);
        foreach (var path in paths)
        {
            resources.AddRange(ScanPath(path, roots, options, diagnostics));
        }

        var ordered = resources
            .OrderBy(r => r.Location?.File, StringComparer.Ordinal)
            .ThenBy(r => r.Location?.Line)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();

        // Every instance of a module meets the same problems in its source: each is reported once.
        return new Inventory(ordered, [.. diagnostics.Distinct()]);
    }

    // A --var-file that does not exist is an error even where no root module would read it (an empty folder).
    private static TerraformScanOptions WithoutMissingFiles(TerraformScanOptions options, List<ScanDiagnostic> diagnostics)
    {
        var missing = options.Variables.Where(v => v.IsFile && !File.Exists(v.Text)).ToList();
        foreach (var file in missing)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.var-file-missing"), new SourceLocation(file.Text, 1)));
        }

        return missing.Count == 0 ? options : options with { Variables = [.. options.Variables.Except(missing)] };
    }

    private List<CloudResource> ScanPath(string path, ScanRoots roots, TerraformScanOptions options, List<ScanDiagnostic> diagnostics)
    {
        if (Directory.Exists(path))
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var directories = ModuleDirectories(path, roots, visited, diagnostics);
            if (directories.Count == 0)
            {
                // A scan of nothing must not look like a clean scan.
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.no-configuration"), new SourceLocation(path, 1)));
                return [];
            }

            var loaded = new LoadedModules(roots);
            loaded.Preload(directories, options.Parallelism);
            var called = directories.SelectMany(d => Read(d, diagnostics, () => CalledDirectories(d, loaded, diagnostics))).ToHashSet(StringComparer.Ordinal);

            // A directory that another scanned directory calls as a module is scanned through its callers, with their inputs.
            // Root modules are evaluated in parallel, each into its own diagnostics, gathered in directory order so that
            // the report does not depend on the threads.
            var rootModules = directories.Where(d => d == path || !called.Contains(Path.GetFullPath(d))).ToList();
            var mapped = rootModules.AsParallel().AsOrdered().WithDegreeOfParallelism(options.Parallelism).Select(directory =>
            {
                var own = new List<ScanDiagnostic>();
                return (Resources: Read(directory, own, () => ConfigurationReader.Map(loaded.Get(directory, own), own, options, _mappers, roots, loaded)), Diagnostics: own);
            }).ToList();
            diagnostics.AddRange(mapped.SelectMany(root => root.Diagnostics));
            return [.. mapped.SelectMany(root => root.Resources)];
        }

        if (!File.Exists(path))
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.path-missing"), new SourceLocation(path, 1)));
            return [];
        }

        if (ModuleLoader.IsConfigurationFile(path))
        {
            var directory = Path.GetDirectoryName(path) ?? string.Empty;
            return Read(path, diagnostics, () => ConfigurationReader.Map(ModuleLoader.Load(directory, [Path.GetFileName(path)], diagnostics, roots), diagnostics, options, _mappers, roots));
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return Read(path, diagnostics, () => PlanSources.Locate(path, PlanReader.Read(path, File.ReadAllText(path), diagnostics, _mappers), options, _mappers));
        }

        diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.not-terraform-file"), new SourceLocation(path, 1)));
        return [];
    }

    // The full paths of the local directories (./ and ../ sources) that a module's calls name.
    private static List<string> CalledDirectories(string directory, LoadedModules loaded, List<ScanDiagnostic> diagnostics) =>
        [.. loaded.Get(directory, diagnostics).ModuleCalls.Values
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
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.cannot-read", ("error", error.Message)), new SourceLocation(path, 1)));
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.internal-error", ("path", path), ("error", error.Message), ("type", error.GetType().Name)), new SourceLocation(path, 1)));
        }

        return [];
    }

    /// <summary>
    /// The directory and every directory beneath it holding configuration files, skipping hidden ones and .terraform.
    /// A directory reached twice through symbolic links is read once; one that a link leads to outside the roots, or
    /// that cannot be listed, is reported and skipped.
    /// </summary>
    private static List<string> ModuleDirectories(string root, ScanRoots roots, HashSet<string> visited, List<ScanDiagnostic> diagnostics)
    {
        var found = new List<string>();
        try
        {
            if (roots.Find(root) is not { } entry)
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Warning, Texts.Canonical("reasons.folder-link-outside"), new SourceLocation(root, 1)));
                return found;
            }

            if (!visited.Add(entry.RealPath))
            {
                return found;
            }

            if (Directory.EnumerateFiles(root).Any(ModuleLoader.IsConfigurationFile))
            {
                found.Add(root);
            }

            foreach (var child in Directory.EnumerateDirectories(root).Where(c => !Path.GetFileName(c).StartsWith('.')).Order(StringComparer.Ordinal))
            {
                found.AddRange(ModuleDirectories(child, roots, visited, diagnostics));
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.cannot-read-directory", ("error", error.Message)), new SourceLocation(root, 1)));
        }

        return found;
    }
}
