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
        try
        {
            if (Directory.Exists(path))
            {
                return ModuleDirectories(path).SelectMany(directory => ConfigurationReader.Read(directory, null, diagnostics)).ToList();
            }

            if (!File.Exists(path))
            {
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, "no such file or directory", new SourceLocation(path, 1)));
                return [];
            }

            if (ModuleLoader.IsConfigurationFile(path))
            {
                return ConfigurationReader.Read(Path.GetDirectoryName(path) ?? string.Empty, [Path.GetFileName(path)], diagnostics);
            }

            if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return PlanReader.Read(path, File.ReadAllText(path), diagnostics);
            }

            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, "not a Terraform file (.tf, .tf.json) or plan (.json)", new SourceLocation(path, 1)));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, $"cannot read: {error.Message}", new SourceLocation(path, 1)));
        }

        return [];
    }

    /// <summary>The directory and every directory beneath it holding configuration files, skipping hidden ones and .terraform.</summary>
    private static IEnumerable<string> ModuleDirectories(string root)
    {
        if (Directory.EnumerateFiles(root).Any(ModuleLoader.IsConfigurationFile))
        {
            yield return root;
        }

        foreach (var child in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(child).StartsWith('.'))
            {
                continue;
            }

            foreach (var directory in ModuleDirectories(child))
            {
                yield return directory;
            }
        }
    }
}
