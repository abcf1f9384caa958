using System.Diagnostics;
using System.Globalization;
using Kagi.Store;

namespace Kagi.Aws.Tests;

/// <summary><c>kagi worker</c> processes on a store, as on machines of their own; stopped (SIGTERM, then killed) when disposed.</summary>
internal sealed class WorkerProcesses : IDisposable
{
    private readonly List<Process> _processes = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    /// <param name="options">More options for each worker, e.g. <c>--retries 1</c>.</param>
    public WorkerProcesses(StoreLocation store, int count, params string[] options)
    {
        for (var number = 0; number < count; number++)
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kagi.dll"), "worker", "--store", store.ConnectionString, "--threads", "4", "--retry-delay", "1", .. options])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
            start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            var process = Process.Start(start)!;

            // The ID read now: a line may still arrive after the process is disposed, when asking it for its ID throws.
            var id = process.Id;
            process.ErrorDataReceived += (_, line) => _log.Enqueue($"[{id}] {line.Data}");
            process.OutputDataReceived += (_, line) => _log.Enqueue($"[{id}] {line.Data}");
            process.BeginErrorReadLine();
            process.BeginOutputReadLine();
            _processes.Add(process);
        }
    }

    /// <summary>What the workers wrote so far, each line after its process ID: for a failing test's message.</summary>
    public string Log() => string.Join("\n", _log);

    /// <summary>Kills (SIGKILL) the worker a unit names as its worker (<c>host:pid</c>), as a machine that dies would stop it.</summary>
    public void Kill(string worker)
    {
        var processId = int.Parse(worker[(worker.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
        _processes.Single(candidate => candidate.Id == processId).Kill();
    }

    public void Dispose()
    {
        foreach (var process in _processes.Where(worker => !worker.HasExited))
        {
            Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        }

        foreach (var process in _processes)
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill();
            }

            process.Dispose();
        }
    }
}
