using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Kagi.Core.Files;
using Kagi.Core.Model;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// The module directories of one scan, each parsed once however many module calls name it, and safely from several
/// threads: the scan parses every directory in parallel, then evaluates its root modules in parallel.
/// </summary>
internal sealed class LoadedModules(ScanRoots roots)
{
    private readonly ConcurrentDictionary<string, Lazy<Loading>> _modules = new(StringComparer.Ordinal);

    /// <summary>Parses these directories, as many at a time as there are cores; <see cref="Get"/> then only reads them.</summary>
    public void Preload(IReadOnlyList<string> directories, int parallelism) =>
        Parallel.ForEach(directories, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, directory => _ = LoadingOf(directory).Value);

    /// <summary>
    /// The module in a directory, its load's diagnostics added to <paramref name="diagnostics"/> on every call, so that
    /// what a reader reports does not depend on which thread loaded it first (the scanner reports each once); a load that
    /// failed throws its exception again, as a fresh load would.
    /// </summary>
    public TerraformModule Get(string directory, List<ScanDiagnostic> diagnostics)
    {
        var loading = LoadingOf(directory).Value;
        diagnostics.AddRange(loading.Diagnostics);
        loading.Failure?.Throw();
        return loading.Module!;
    }

    private Lazy<Loading> LoadingOf(string directory) =>
        _modules.GetOrAdd(Path.GetFullPath(directory), _ => new Lazy<Loading>(() => Load(directory)));

    private Loading Load(string directory)
    {
        var diagnostics = new List<ScanDiagnostic>();
        try
        {
            return new Loading(ModuleLoader.Load(directory, null, diagnostics, roots), diagnostics, null);
        }
        catch (Exception error)
        {
            return new Loading(null, diagnostics, ExceptionDispatchInfo.Capture(error));
        }
    }

    private sealed record Loading(TerraformModule? Module, List<ScanDiagnostic> Diagnostics, ExceptionDispatchInfo? Failure);
}
