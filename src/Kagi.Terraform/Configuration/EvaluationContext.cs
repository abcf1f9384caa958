using System.Text.Json;
using Kagi.Core.Files;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// What the module instances of one root module share: the diagnostics, the stack of values being evaluated
/// (a reference cycle may run through several modules), the loaded module directories, and <c>terraform init</c>'s
/// record of installed modules.
/// </summary>
internal sealed class EvaluationContext
{
    // Far deeper than real configurations go, and far from the stack's limit.
    public const int MaxNesting = 400;

    private readonly LoadedModules _loaded;
    private readonly Dictionary<string, string>? _installed;

    /// <param name="roots">What may be read; null for the root module's directory alone.</param>
    public EvaluationContext(string rootDirectory, List<ScanDiagnostic> diagnostics, ScanRoots? roots = null, LoadedModules? loaded = null)
    {
        RootDirectory = rootDirectory;
        Diagnostics = diagnostics;
        Roots = roots ?? ScanRoots.Of([rootDirectory.Length == 0 ? "." : rootDirectory]);
        _loaded = loaded ?? new LoadedModules(Roots);
        _installed = ReadManifest(rootDirectory, Roots, diagnostics);
    }

    public string RootDirectory { get; }

    public ScanRoots Roots { get; }

    public List<ScanDiagnostic> Diagnostics { get; }

    public List<(string Name, SourceRange Range)> InProgress { get; } = [];

    /// <summary>The limits on the work every module instance of this root module does, together.</summary>
    public EvaluationBudget Budget { get; init; } = new(EvaluationLimits.Default);

    /// <summary>The directory a module block's source names, or null (reported once) when it is not on disk.</summary>
    public string? SourceDirectory(string callerDirectory, string modulePath, string source, SourceRange range)
    {
        string? directory = null;
        if (source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal) || source is "." or "..")
        {
            directory = Path.Combine(callerDirectory, source);
        }
        else if (_installed is not null && _installed.TryGetValue(modulePath, out var installed))
        {
            directory = Path.Combine(RootDirectory, installed);
        }

        // Outside the roots, whether the folder exists is not told either.
        var modulePrefix = $"module.{modulePath.Replace(".", ".module.", StringComparison.Ordinal)}";
        var entry = directory is null ? null : Roots.Find(directory);
        if (directory is not null && entry is null)
        {
            Diagnostics.Add(new ScanDiagnostic(
                DiagnosticSeverity.Warning,
                Texts.Canonical("reasons.module-outside", ("module", modulePrefix), ("source", source)),
                range.ToLocation()));
            return null;
        }

        if (directory is not null && entry is { Kind: EntryKind.Directory })
        {
            // Locations read as the user wrote the root: relative stays relative.
            var full = Path.GetFullPath(directory);
            return Path.IsPathRooted(callerDirectory) ? full : Path.GetRelativePath(".", full);
        }

        Diagnostics.Add(new ScanDiagnostic(
            DiagnosticSeverity.Warning,
            directory is null
                ? Texts.Canonical("reasons.module-not-installed", ("module", modulePrefix), ("source", source))
                : Texts.Canonical("reasons.module-missing", ("module", modulePrefix), ("source", source)),
            range.ToLocation()));
        return null;
    }

    public TerraformModule Load(string directory) => _loaded.Get(directory, Diagnostics);

    // .terraform/modules/modules.json: {"Modules":[{"Key":"db.cluster","Source":"...","Dir":".terraform/modules/db.cluster"}]}
    private static Dictionary<string, string>? ReadManifest(string rootDirectory, ScanRoots roots, List<ScanDiagnostic> diagnostics)
    {
        var path = Path.Combine(rootDirectory, ".terraform", "modules", "modules.json");
        if (!ModuleLoader.Exists(path) || roots.Readable(path, diagnostics) is not { } manifest)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(manifest.RealPath));
            var installed = new Dictionary<string, string>(StringComparer.Ordinal);
            if (document.RootElement.TryGetProperty("Modules", out var modules) && modules.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in modules.EnumerateArray())
                {
                    if (entry.TryGetProperty("Key", out var moduleKey) && entry.TryGetProperty("Dir", out var dir)
                        && moduleKey.GetString() is { Length: > 0 } name && dir.GetString() is { } folder)
                    {
                        installed[name] = folder;
                    }
                }
            }

            return installed;
        }
        catch (Exception error) when (error is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.cannot-read-module-list", ("error", error.Message)), new SourceLocation(path, 1)));
            return null;
        }
    }
}
