using System.Diagnostics.CodeAnalysis;
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
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Callers hold a scanner; tfvars and workspace options will come in through its constructor.")]
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
        return new Inventory(ordered, diagnostics);
    }

    private static List<CloudResource> ScanPath(string path, List<ScanDiagnostic> diagnostics)
    {
        if (Directory.Exists(path))
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            return [.. ModuleDirectories(path, visited, diagnostics)
                .SelectMany(directory => Read(directory, diagnostics, () => ConfigurationReader.Read(directory, null, diagnostics)))];
        }

        if (!File.Exists(path))
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, "no such file or directory", new SourceLocation(path, 1)));
            return [];
        }

        if (ModuleLoader.IsConfigurationFile(path))
        {
            return Read(path, diagnostics, () => ConfigurationReader.Read(Path.GetDirectoryName(path) ?? string.Empty, [Path.GetFileName(path)], diagnostics));
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return Read(path, diagnostics, () => PlanReader.Read(path, File.ReadAllText(path), diagnostics));
        }

        diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, "not a Terraform file (.tf, .tf.json) or plan (.json)", new SourceLocation(path, 1)));
        return [];
    }

    // A module or plan that cannot be read, for whatever reason, must not stop the rest of the scan.
    private static List<CloudResource> Read(string path, List<ScanDiagnostic> diagnostics, Func<List<CloudResource>> read)
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
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"Kagi failed while reading this (a bug; please report it): {error.GetType().Name}", new SourceLocation(path, 1)));
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
