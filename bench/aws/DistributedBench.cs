using System.Diagnostics;
using System.Globalization;
using Kagi.Aws;
using Kagi.Rules;
using Npgsql;

/// <summary>
/// A distributed scan of an organization (issue 20): for each number of workers, a fresh PostgreSQL database, that many
/// <c>kagi worker</c> processes of the built CLI, and <c>kagi scan aws --all-accounts --distributed</c> following the scan
/// from its enqueueing to its stored scan. Measures units per second, wall time, the workers' CPU and peak RSS, the
/// database's size after, the completion step (last unit to stored scan), and the calls the fake served against the
/// minimum. Usage: bench/aws/run.sh distributed KAGI-DLL [accounts] [regions] [per-kind] [latency-ms] [workers...]
/// </summary>
internal static class DistributedBench
{
    /// <summary>Units each worker runs at once: twice the default, since a unit waiting for its account's slot holds a thread.</summary>
    private const int ThreadsPerWorker = 8;

    // Keys per region: the bench is about units, not keys; one key per kind's resources keeps the KMS calls few.
    private const int KeysPerRegion = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var kagi = args[0];
        var accounts = Argument(args, 1, 1000);
        var regions = Argument(args, 2, 4);
        var perKind = Argument(args, 3, 1);
        var latency = Argument(args, 4, 50);
        int[] workerCounts = args.Length > 5 ? [.. args[5..].Select(count => int.Parse(count, CultureInfo.InvariantCulture))] : [1, 2, 4];
        var server = File.ReadAllText("/tmp/kagi-pg/connection").Trim();
        var estate = new BenchEstate(regions, perKind, KeysPerRegion);
        var regionNames = BenchEstate.RegionNames.Take(regions).ToArray();
        Console.WriteLine($"organization: {accounts} accounts x {regions} regions ({accounts * regions:N0} units) x {BenchEstate.Kinds.Count} kinds x {perKind} resources x {KeysPerRegion} keys = {accounts * estate.Resources:N0} resources, {latency} ms latency per call, {ThreadsPerWorker} threads per worker, {Environment.ProcessorCount} cores");

        var alone = await OneAccountAsync(estate, regionNames, perKind, latency);
        // The plan's listing pages, an AssumeRole per member unit (each unit assumes its own role), each account's own calls.
        var minimum = BenchOrganization.ListingPages(accounts) + ((accounts - 1) * regions) + (accounts * alone.Calls);
        var runs = new List<Run>();
        foreach (var workers in workerCounts)
        {
            var run = await RunOnceAsync(kagi, server, workers, regionNames, accounts, perKind, latency);
            Console.WriteLine($"{workers} workers: {run.Wall.TotalSeconds:F1} s, {run.Calls.Calls:N0} calls, {run.DatabaseBytes / (1024 * 1024):N0} MiB");
            runs.Add(run);
        }

        Console.WriteLine();
        Console.WriteLine("| workers | units/s | wall, enqueue to stored scan | of which completion | CPU of the workers (each) | peak RSS per worker | PostgreSQL size | calls / minimum | unit attempts |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var run in runs)
        {
            Console.WriteLine(
                $"| {run.Workers} | {accounts * regions / run.Wall.TotalSeconds:F1} | {run.Wall.TotalSeconds:F1} s | {run.Completion.TotalSeconds:F1} s | {run.WorkerCpu.Sum(cpu => cpu.TotalSeconds):F1} s ({string.Join(" + ", run.WorkerCpu.Select(cpu => cpu.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)))}) " +
                $"| {string.Join(" / ", run.WorkerPeakRss.Select(bytes => (bytes / (1024 * 1024)).ToString("N0", CultureInfo.InvariantCulture)))} MiB | {run.DatabaseBytes / (1024 * 1024):N0} MiB | {run.Calls.Calls:N0} / {minimum:N0} | {run.Attempts:N0} |");
        }

        Console.WriteLine();
        Console.WriteLine($"The minimum: {BenchOrganization.ListingPages(accounts)} ListAccounts pages + {(accounts - 1) * regions:N0} AssumeRole (one per member unit) + {accounts:N0} x {alone.Calls:N0} (one account alone in the same regions).");
        Console.WriteLine($"The fake's CPU per run: {string.Join(", ", runs.Select(run => $"{run.Calls.CpuMilliseconds / 1000:F1} s"))}; repeated calls: {string.Join(", ", runs.Select(run => run.Calls.Repeated))}.");
        Console.WriteLine();
        Console.WriteLine("| service | action | calls (last run) | one account alone |");
        Console.WriteLine("| --- | --- | --- | --- |");
        foreach (var (action, count) in runs[^1].Calls.CallsByAction.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"| {action.Replace(" ", " | ", StringComparison.Ordinal)} | {count:N0} | {alone.CallsByAction.GetValueOrDefault(action):N0} |");
        }

        return runs.All(run => run.Calls.Repeated == 0 && run.Calls.Calls >= minimum) ? 0 : 1;
    }

    // One account of the estate in the same regions, scanned alone in this process: its calls are each account's minimum.
    private static async Task<FakeCalls> OneAccountAsync(BenchEstate estate, string[] regionNames, int perKind, int latency)
    {
        using var fake = new FakeProcess([regionNames.Length, perKind, KeysPerRegion, latency]);
        var endpoint = await fake.StartAsync();
        var scan = new LiveScan(KindCatalog.LiveCollectors, Environment.GetEnvironmentVariable, TimeProvider.System, new SilentProgress());
        estate.Check((await scan.RunAsync(new LiveScanOptions { EndpointUrl = endpoint, Regions = regionNames }, CancellationToken.None)).Inventory);
        return await fake.StopAsync();
    }

    private static async Task<Run> RunOnceAsync(string kagi, string server, int workers, string[] regionNames, int accounts, int perKind, int latency)
    {
        var database = $"kagi_bench_{workers}_{Environment.ProcessId}";
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        try
        {
            var store = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            using var organization = new FakeProcess([regionNames.Length, perKind, KeysPerRegion, latency, accounts]);
            var endpoint = await organization.StartAsync();
            var processes = new List<Process>();
            try
            {
                for (var number = 0; number < workers; number++)
                {
                    processes.Add(await StartWorkerAsync(kagi, store));
                }

                var watch = Stopwatch.StartNew();
                var (exitCode, errors) = await ScanAsync(kagi, store, endpoint, regionNames);
                watch.Stop();

                // Exit code 1: the estate holds failing resources by design; anything else is the bench's failure.
                if (exitCode != 1)
                {
                    throw new InvalidOperationException($"kagi scan exited {exitCode}: {errors}");
                }

                // Read before the workers stop: CPU from /proc/<pid>/stat, peak RSS from VmHWM.
                var cpu = processes.Select(worker => { worker.Refresh(); return worker.TotalProcessorTime; }).ToList();
                var peaks = processes.Select(worker => worker.PeakWorkingSet64).ToList();
                var calls = await organization.StopAsync();
                var (completion, attempts, unfinished) = await UnitsAsync(store);
                if (unfinished > 0)
                {
                    throw new InvalidOperationException($"{unfinished} units not done");
                }

                var size = (long)(await ScalarAsync(store, "SELECT pg_database_size(current_database())"))!;
                return new Run(workers, watch.Elapsed, completion, cpu, peaks, size, calls, attempts);
            }
            finally
            {
                foreach (var worker in processes)
                {
                    Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
                }

                foreach (var worker in processes)
                {
                    await worker.WaitForExitAsync();
                    worker.Dispose();
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    // A worker, once it says it has started: the scan's wall time then holds no worker's start-up.
    private static async Task<Process> StartWorkerAsync(string kagi, string store)
    {
        var start = new ProcessStartInfo("dotnet", [kagi, "worker", "--store", store, "--threads", ThreadsPerWorker.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var worker = Process.Start(start)!;
        var started = new TaskCompletionSource();
        worker.ErrorDataReceived += (_, line) =>
        {
            if (line.Data?.Contains("units at a time", StringComparison.Ordinal) == true)
            {
                started.TrySetResult();
            }
        };
        worker.OutputDataReceived += (_, _) => { };
        worker.BeginErrorReadLine();
        worker.BeginOutputReadLine();
        await started.Task.WaitAsync(TimeSpan.FromMinutes(1));
        return worker;
    }

    private static async Task<(int ExitCode, string Errors)> ScanAsync(string kagi, string store, Uri endpoint, string[] regionNames)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var word in new[] { kagi, "scan", "aws", "--endpoint-url", endpoint.ToString() }
            .Concat(regionNames.SelectMany(region => new[] { "--region", region }))
            .Concat(["--all-accounts", "--role-name", BenchOrganization.Role, "--distributed", "--quiet", "--store", store]))
        {
            start.ArgumentList.Add(word);
        }

        using var scan = Process.Start(start)!;
        var output = scan.StandardOutput.ReadToEndAsync();
        var errors = scan.StandardError.ReadToEndAsync();
        while (!await WaitAsync(scan, TimeSpan.FromSeconds(5)))
        {
            // A job that failed its last attempt (the completion, in the one run at 1,000 accounts) leaves the scan
            // unfinished, and the command following it would wait for ever.
            if (await FailedJobAsync(store) is { } failure)
            {
                scan.Kill();
                throw new InvalidOperationException($"a job of the scan failed for good: {failure}");
            }
        }

        return (scan.ExitCode, await errors + await output);
    }

    private static async Task<bool> WaitAsync(Process process, TimeSpan time)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(time);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    // A job that Hangfire gave up on (failed, no retry left), in the schema it keeps beside the store's (kagi_jobs, the database having no search path).
    private static async Task<string?> FailedJobAsync(string store)
    {
        try
        {
            return await ScalarAsync(store, "SELECT state.data ->> 'ExceptionMessage' FROM kagi_jobs.job JOIN kagi_jobs.state ON state.id = job.stateid WHERE job.statename = 'Failed' LIMIT 1") as string;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    // The completion step: from the last unit's end to the stored scan (the store keeps milliseconds since the epoch).
    private static async Task<(TimeSpan Completion, long Attempts, long Unfinished)> UnitsAsync(string store)
    {
        await using var connection = new NpgsqlConnection(store);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT finished_at FROM distributed_scans) - MAX(finished_at), SUM(attempts), COUNT(*) FILTER (WHERE state <> 'done') FROM distributed_units",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (TimeSpan.FromMilliseconds(reader.GetInt64(0)), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), reader.GetInt64(2));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static int Argument(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

    private sealed record Run(int Workers, TimeSpan Wall, TimeSpan Completion, List<TimeSpan> WorkerCpu, List<long> WorkerPeakRss, long DatabaseBytes, FakeCalls Calls, long Attempts);
}
