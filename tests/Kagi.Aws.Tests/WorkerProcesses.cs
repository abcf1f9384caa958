using System.Diagnostics;
using System.Globalization;
using Kagi.Store;

namespace Kagi.Aws.Tests;

/// <summary><c>kagi worker</c> processes on a store, stopped (SIGTERM, then killed) when disposed.</summary>
internal sealed class WorkerProcesses : IDisposable
{
    private readonly List<(Process Process, Task<string> Error)> _processes = [];

    public WorkerProcesses(StoreLocation store, int count)
    {
        for (var number = 0; number < count; number++)
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "kagi.dll"), "worker", "--store", store.ConnectionString, "--threads", "4", "--retry-delay", "1"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
            start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            var process = Process.Start(start)!;
            _processes.Add((process, process.StandardError.ReadToEndAsync()));
        }
    }

    public string Log() => string.Join("\n", _processes.Where(worker => worker.Process.HasExited).Select(worker => worker.Error.Result));

    public void Dispose()
    {
        foreach (var (process, _) in _processes)
        {
            if (!process.HasExited)
            {
                Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
            }
        }

        foreach (var (process, _) in _processes)
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(20)))
            {
                process.Kill();
            }

            process.Dispose();
        }
    }
}
