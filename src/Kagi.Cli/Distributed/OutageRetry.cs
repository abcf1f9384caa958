using System.Linq.Expressions;
using Hangfire;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Store;
using Kagi.Store.Distributed;

namespace Kagi.Cli;

/// <summary>
/// A worker's calls to the store, made again while the store is out of reach (PostgreSQL restarting, the network down):
/// a job waits the outage out rather than failing, so an outage costs a unit neither one of its attempts (its last would
/// record an ERROR it never met) nor what it already read from AWS. One per worker, so that however many of its jobs
/// wait, its log says once that the store is unreachable and once that it is back. An outage longer than
/// <see cref="Limit"/> fails the call, for Hangfire to retry the job as any other failure.
/// </summary>
internal sealed class OutageRetry(WorkerSettings settings)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(5);

    private readonly Lock _outage = new();
    private DateTimeOffset? _unreachableSince;

    /// <summary>Runs <paramref name="call"/> until it passes or fails otherwise than by an outage.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        DateTimeOffset? waitingSince = null;
        var pause = FirstPause;
        while (true)
        {
            try
            {
                var result = await call().ConfigureAwait(false);
                if (waitingSince is not null)
                {
                    Reached();
                }

                return result;
            }
            catch (Exception exception) when (StoreOutage.Is(exception) && (waitingSince is null || settings.Time.GetUtcNow() - waitingSince < Limit))
            {
                waitingSince ??= settings.Time.GetUtcNow();
                Unreachable(exception);
            }

            await Task.Delay(pause, settings.Time).ConfigureAwait(false);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }
    }

    /// <summary>Runs <paramref name="call"/> as <see cref="RunAsync{T}(Func{Task{T}})"/> does.</summary>
    public Task RunAsync(Action call) => RunAsync(() =>
    {
        call();
        return Task.FromResult(true);
    });

    /// <summary>Runs <paramref name="call"/> on a store opened for it, anew at each try: a connection the outage broke stays broken.</summary>
    public Task<T> WithStoreAsync<T>(Func<DistributedScanStore, T> call) =>
        RunAsync(() =>
        {
            using var store = DistributedScanStore.Open(settings.Location, settings.Time);
            return Task.FromResult(call(store));
        });

    /// <summary>Runs <paramref name="call"/> on a store opened for it, anew at each try.</summary>
    public Task WithStoreAsync(Action<DistributedScanStore> call) => WithStoreAsync(store =>
    {
        call(store);
        return true;
    });

    /// <summary>Enqueues <paramref name="job"/> in the worker's job storage.</summary>
    public Task EnqueueAsync(Expression<Func<ScanJobs, Task>> job) =>
        RunAsync(() => Task.FromResult(new BackgroundJobClient(settings.Storage).Enqueue(job)));

    private void Unreachable(Exception exception)
    {
        lock (_outage)
        {
            if (_unreachableSince is null)
            {
                _unreachableSince = settings.Time.GetUtcNow();
                Log(Texts.Get(Language.En, "cli.worker-store-unreachable", Worker, Store, ("reason", exception.Message), ("limit", (int)Limit.TotalMinutes)));
            }
        }
    }

    private void Reached()
    {
        lock (_outage)
        {
            if (_unreachableSince is { } since)
            {
                _unreachableSince = null;
                Log(Texts.Get(Language.En, "cli.worker-store-back", Worker, Store, ("seconds", (int)(settings.Time.GetUtcNow() - since).TotalSeconds)));
            }
        }
    }

    private (string, object?) Worker => ("worker", settings.WorkerName);

    private (string, object?) Store => ("store", settings.Location.Describe());

    private void Log(string line) => settings.Log.WriteLine($"kagi: {line}");
}
