using Kagi.Store;

namespace Kagi.Web;

/// <summary>The one store connection, used by one request at a time (a connection is not thread-safe).</summary>
internal sealed class StoreGate(FindingStore store) : IDisposable
{
    private readonly Lock _lock = new();

    public T Use<T>(Func<FindingStore, T> action)
    {
        lock (_lock)
        {
            return action(store);
        }
    }

    public void Dispose() => store.Dispose();
}
