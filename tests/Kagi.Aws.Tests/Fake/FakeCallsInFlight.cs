using System.Collections.Concurrent;

namespace Kagi.Aws.Tests.Fake;

/// <summary>
/// The calls being answered at once by account, region and service (what AWS throttles by), and by account and service
/// over all its regions (region <see cref="AllRegions"/>): the most of each seen so far.
/// </summary>
public sealed class FakeCallsInFlight
{
    /// <summary>The region of the counts that add up every region of an account.</summary>
    public const string AllRegions = "*";

    private readonly ConcurrentDictionary<(string Account, string Region, string Service), Counter> _counters = new();

    /// <summary>The most calls seen in flight at once, for each account, region (or <see cref="AllRegions"/>) and service.</summary>
    public IReadOnlyDictionary<(string Account, string Region, string Service), int> Most =>
        _counters.ToDictionary(pair => pair.Key, pair => pair.Value.Most);

    /// <summary>Counts a call in flight until it is answered.</summary>
    public async Task ServeAsync(string account, string region, string service, Func<Task> serve)
    {
        Counter[] counters = [Count(account, region, service), Count(account, AllRegions, service)];
        foreach (var counter in counters)
        {
            counter.Enter();
        }

        try
        {
            await serve();
        }
        finally
        {
            foreach (var counter in counters)
            {
                counter.Leave();
            }
        }
    }

    private Counter Count(string account, string region, string service) => _counters.GetOrAdd((account, region, service), _ => new Counter());

    private sealed class Counter
    {
        private readonly Lock _lock = new();
        private int _now;

        public int Most { get; private set; }

        public void Enter()
        {
            lock (_lock)
            {
                Most = Math.Max(Most, ++_now);
            }
        }

        public void Leave()
        {
            lock (_lock)
            {
                _now--;
            }
        }
    }
}
