using System.CommandLine;
using System.Runtime.InteropServices;
using Hangfire;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Store;
using Kagi.Store.Distributed;
using Kagi.Web;

namespace Kagi.Cli;

/// <summary>
/// Distributed scans on Hangfire over the team store's PostgreSQL: <c>kagi worker</c> runs units, and
/// <c>kagi scan aws --distributed</c> enqueues a scan and follows it (or returns at once with <c>--detach</c>).
/// </summary>
internal static class DistributedMode
{
    public static DistributedScan AddScanOptions(Command scanAws) => new(new DistributedScanOptions(scanAws));

    /// <summary>Whether the scan's <c>--service-groups</c> can split the services read; if not, says so.</summary>
    internal static bool ServiceGroupsReadable(IReadOnlyList<string> arguments, Language language, TextWriter error)
    {
        var services = ServiceGroups.Services(KindCatalog.LiveCollectors);
        try
        {
            DistributedScanOptions.ServiceGroupsOf(arguments, services);
            return true;
        }
        catch (ArgumentException)
        {
            error.WriteLine($"kagi: {Texts.Get(language, "cli.distributed-service-groups", ("services", services))}");
            return false;
        }
    }

    public static void AddCommands(RootCommand root, TextWriter output, TextWriter error, TimeProvider time)
    {
        root.Subcommands.Add(WorkerCommand.Create(error, time));
        root.Subcommands.Add(ScheduleCommand.Create(output, error, time));
    }

    /// <summary>Hangfire's dashboard for <c>kagi serve</c>, on a PostgreSQL store: the one the workers' jobs are kept in.</summary>
    public static MountedDashboard? JobsDashboard(StoreLocation location) =>
        location.Kind == StoreKind.Postgres ? HangfireDashboard.For(location) : null;

    /// <summary>The store a distributed scan or worker uses: PostgreSQL only, since every worker must reach it.</summary>
    internal static StoreLocation? PostgresStore(string? option, Language language, TextWriter error)
    {
        var location = StoreLocation.Resolve(option, Environment.GetEnvironmentVariable);
        if (location.Kind == StoreKind.Postgres)
        {
            return location;
        }

        error.WriteLine($"kagi: {Texts.Get(language, "cli.distributed-needs-postgres", ("store", location.Describe()))}");
        return null;
    }

    /// <summary><c>--distributed</c>: enqueues the scan, then follows it until it is stored.</summary>
    internal sealed class DistributedScan(DistributedScanOptions options)
    {
        private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
        private const int WorkerCheckPolls = 30;

        public bool Requested(ParseResult parsed) => options.Requested(parsed);

        public int Run(ParseResult parsed, ScanAwsRequest scan, TimeProvider time, TextWriter output, TextWriter error)
        {
            var language = scan.Settings.Language;
            if (scan.Selection is null)
            {
                error.WriteLine($"kagi: {Texts.Get(language, "cli.distributed-needs-accounts")}");
                return ExitCodes.BadInput;
            }

            if (PostgresStore(scan.Settings.Store.Location, language, error) is not { } location)
            {
                return ExitCodes.BadInput;
            }

            if (!ServiceGroupsReadable(DistributedScanOptions.WorkerArguments(parsed), language, error))
            {
                return ExitCodes.BadInput;
            }

            // The workers store the scan; nothing here holds its findings to write a report or an inventory from.
            if (scan.SavePath is not null || scan.Settings.Reports.Any(report => report.Path is not null || report.Format != "table"))
            {
                error.WriteLine($"kagi: warning: {Texts.Get(language, "cli.distributed-reports-from-store")}");
            }

            try
            {
                var jobs = KagiJobStorage.Open(location, WorkerSettings.DefaultLease);
                long scanId;
                using (var store = DistributedScanStore.Open(location, time))
                {
                    scanId = ScanJobs.Start(store, jobs, DistributedScanOptions.WorkerArguments(parsed));
                }

                error.WriteLine($"kagi: {Texts.Get(language, "cli.distributed-enqueued", ("scan", scanId), ("store", location.Describe()))}");
                if (options.Detached(parsed))
                {
                    output.WriteLine(scanId);
                    return ExitCodes.Clean;
                }

                return Follow(location, jobs, scanId, scan, time, output, error);
            }
            catch (Exception exception) when (ScanStore.IsStoreFailure(exception))
            {
                error.WriteLine($"kagi: error: {Texts.Get(language, "cli.store-failed", ("reason", exception.Message))}");
                return ExitCodes.BadInput;
            }
        }

        // A line whenever the count of finished units changes, until the scan is stored; then its counts and exit code.
        // Waiting on no worker at all is said, every half minute: the scan would otherwise seem to hang. An outage of the
        // store is said once and waited out, as the workers wait it out: each poll opens the store anew.
        private static int Follow(StoreLocation location, JobStorage jobs, long scanId, ScanAwsRequest scan, TimeProvider time, TextWriter output, TextWriter error)
        {
            var language = scan.Settings.Language;
            string? shown = null;
            var reachable = true;
            for (var poll = 0; ; poll++)
            {
                try
                {
                    if (poll % WorkerCheckPolls == 0 && jobs.GetMonitoringApi().Servers().Count == 0)
                    {
                        error.WriteLine($"kagi: warning: {Texts.Get(language, "cli.distributed-no-worker", ("store", location.Describe()))}");
                    }

                    DistributedScanStatus status;
                    using (var store = DistributedScanStore.Open(location, time))
                    {
                        status = store.Status(scanId) ?? throw new StoreException(Texts.Canonical("reasons.distributed-scan-missing", ("scan", scanId)));
                    }

                    reachable = true;
                    var line = Texts.Get(language, "cli.distributed-progress", ("scan", scanId), ("done", status.Units.Finished), ("total", status.Units.Total), ("errors", status.Units.Error), ("state", status.State));
                    if (line != shown && !scan.Quiet)
                    {
                        error.WriteLine($"kagi: {line}");
                        shown = line;
                    }

                    if (status.StoredScanId is { } stored)
                    {
                        return Finished(location, stored, scan, time, output);
                    }

                    if (status.State == DistributedScanStates.Failed)
                    {
                        error.WriteLine($"kagi: error: {Texts.Get(language, "cli.distributed-failed", ("scan", scanId), ("reason", status.Failure ?? string.Empty))}");
                        return ExitCodes.Failing;
                    }
                }
                catch (Exception exception) when (StoreOutage.Is(exception))
                {
                    if (reachable)
                    {
                        error.WriteLine($"kagi: warning: {Texts.Get(language, "cli.distributed-store-unreachable", ("store", location.Describe()), ("scan", scanId), ("reason", exception.Message))}");
                        reachable = false;
                    }
                }

                Thread.Sleep(PollInterval);
            }
        }

        private static int Finished(StoreLocation location, long storedScanId, ScanAwsRequest scan, TimeProvider time, TextWriter output)
        {
            using var findings = FindingStore.OpenForReading(location, time);
            var stored = findings.Scans().Single(candidate => candidate.Id == storedScanId);
            var counts = stored.Counts;
            output.WriteLine(Texts.Get(
                scan.Settings.Language,
                "cli.distributed-stored",
                ("scan", storedScanId),
                ("pass", counts[Core.Rules.ResultStatus.Pass]),
                ("fail", counts[Core.Rules.ResultStatus.Fail]),
                ("error", counts[Core.Rules.ResultStatus.Error]),
                ("unknown", counts[Core.Rules.ResultStatus.Unknown]),
                ("muted", counts[Core.Rules.ResultStatus.Muted])));
            var incomplete = counts[Core.Rules.ResultStatus.Error] > 0 && !scan.Settings.AllowIncomplete;
            return counts[Core.Rules.ResultStatus.Fail] > 0 || incomplete ? ExitCodes.Failing : ExitCodes.Clean;
        }
    }

    /// <summary><c>kagi worker</c>: runs units of distributed scans until stopped (Ctrl-C or SIGTERM).</summary>
    private static class WorkerCommand
    {
        public static Command Create(TextWriter error, TimeProvider time)
        {
            var store = new Option<string?>("--store") { Description = "The PostgreSQL store the scans are enqueued in (postgres://…); default KAGI_STORE." };
            var threads = new Option<int>("--threads") { Description = "Units run at once by this worker (default 4).", DefaultValueFactory = _ => 4 };
            var retries = new Option<int>("--retries") { Description = "Further attempts of a unit after a failure worth retrying (default 3).", DefaultValueFactory = _ => 3 };
            var retryDelay = new Option<int>("--retry-delay") { Description = "Seconds before the first retry; each next waits three times longer (default 10).", DefaultValueFactory = _ => 10 };
            var unitTimeout = new Option<int>("--unit-timeout") { Description = "Seconds a unit may run before it is stopped and retried (default 900).", DefaultValueFactory = _ => 900 };
            var unitsPerAccount = new Option<int>("--units-per-account") { Description = "Units of one account run at once by all the store's workers together (default 2); AWS throttles per account.", DefaultValueFactory = _ => 2 };
            var lease = new Option<int>("--lease") { Description = "Seconds after which the unit of a worker that stopped answering goes to another (default 300).", DefaultValueFactory = _ => (int)WorkerSettings.DefaultLease.TotalSeconds };
            var command = new Command("worker", "Run the units of distributed scans ('kagi scan aws --distributed') until stopped.") { store, threads, retries, retryDelay, unitTimeout, unitsPerAccount, lease };
            command.SetAction(parsed =>
            {
                if (PostgresStore(parsed.GetValue(store), Language.En, error) is not { } location)
                {
                    return ExitCodes.BadInput;
                }

                var settings = new WorkerSettings(
                    location,
                    time,
                    KagiJobStorage.Open(location, TimeSpan.FromSeconds(parsed.GetValue(lease))),
                    $"{Environment.MachineName}:{Environment.ProcessId}",
                    parsed.GetValue(retries),
                    TimeSpan.FromSeconds(parsed.GetValue(unitTimeout)),
                    Math.Max(1, parsed.GetValue(unitsPerAccount)),
                    error);
                return Serve(settings, parsed.GetValue(threads), parsed.GetValue(retryDelay), error);
            });
            return command;
        }

        private static int Serve(WorkerSettings settings, int threads, int retryDelay, TextWriter error)
        {
            // Attempts and back-off are the worker's: a unit retries what may pass later, and records the rest (ScanJobs.Unit).
            GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
            GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute
            {
                Attempts = settings.Retries,
                DelayInSecondsByAttemptFunc = attempt => retryDelay * (int)Math.Pow(3, attempt),
            });
            using var stopped = new ManualResetEventSlim();
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stopped.Set(); });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stopped.Set(); });
            using (new BackgroundJobServer(
                new BackgroundJobServerOptions { WorkerCount = threads, ServerName = settings.WorkerName, Activator = new ScanJobsActivator(settings) },
                settings.Storage))
            {
                error.WriteLine($"kagi: {Texts.Get(Language.En, "cli.worker-started", ("worker", settings.WorkerName), ("threads", threads), ("store", settings.Location.Describe()))}");
                stopped.Wait();
                error.WriteLine($"kagi: {Texts.Get(Language.En, "cli.worker-stopping", ("worker", settings.WorkerName))}");
            }

            return ExitCodes.Clean;
        }
    }

    /// <summary>Gives Hangfire the jobs with the worker's settings.</summary>
    private sealed class ScanJobsActivator(WorkerSettings settings) : JobActivator
    {
        private readonly OutageRetry _retry = new(settings);

        public override object ActivateJob(Type jobType) =>
            jobType == typeof(ScanJobs) ? new ScanJobs(settings, _retry) : throw new InvalidOperationException($"kagi runs no job of type {jobType}");
    }
}

/// <summary>What a worker runs units with.</summary>
/// <param name="UnitsPerAccount">How many units of one account run at once across every worker of the store.</param>
/// <param name="Log">Where the worker says what it does, such as waiting for the store to come back.</param>
internal sealed record WorkerSettings(StoreLocation Location, TimeProvider Time, JobStorage Storage, string WorkerName, int Retries, TimeSpan UnitTimeout, int UnitsPerAccount, TextWriter Log)
{
    public static readonly TimeSpan DefaultLease = TimeSpan.FromMinutes(5);
}
