using Kagi.Store;
using Kagi.Store.Distributed;

namespace Kagi.Web;

/// <summary>
/// The store's connections, used by one request at a time (a connection is not thread-safe): the findings, and on a
/// PostgreSQL store the distributed scans.
/// </summary>
internal sealed class StoreGate(FindingStore store, DistributedScanStore? distributed) : IDisposable
{
    private readonly Lock _lock = new();

    /// <summary>The store records distributed scans: it is PostgreSQL, which workers share.</summary>
    public bool HasDistributedScans => distributed is not null;

    public T Use<T>(Func<FindingStore, T> action)
    {
        lock (_lock)
        {
            return action(store);
        }
    }

    /// <summary>The action's answer, or null when the store has no distributed scans.</summary>
    public T? UseDistributed<T>(Func<DistributedScanStore, T> action)
        where T : class?
    {
        if (distributed is null)
        {
            return null;
        }

        lock (_lock)
        {
            return action(distributed);
        }
    }

    public void Dispose()
    {
        store.Dispose();
        distributed?.Dispose();
    }
}
