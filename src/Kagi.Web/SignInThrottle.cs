using System.Net;
using System.Net.Sockets;

namespace Kagi.Web;

/// <summary>
/// Counts wrong tokens per client address in a sliding window; a client at the limit is refused until its oldest
/// failure ages out, without its guess being checked. IPv6 clients count per /64, which one host usually holds whole.
/// </summary>
internal sealed class SignInThrottle(TimeProvider time)
{
    public const int MaxFailures = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the client must wait before its next attempt, or zero.</summary>
    public TimeSpan Wait(IPAddress? client)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            return _failures.TryGetValue(Key(client), out var failures) && Forget(failures, now).Count >= MaxFailures
                ? failures.Peek() + Window - now
                : TimeSpan.Zero;
        }
    }

    public void Fail(IPAddress? client)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            // Clients that stopped guessing drop out, so many addresses cannot grow the table without bound.
            if (_failures.Count >= 1024)
            {
                foreach (var quiet in _failures.Where(pair => Forget(pair.Value, now).Count == 0).Select(pair => pair.Key).ToList())
                {
                    _failures.Remove(quiet);
                }
            }

            var key = Key(client);
            if (!_failures.TryGetValue(key, out var failures))
            {
                _failures[key] = failures = new Queue<DateTimeOffset>();
            }

            failures.Enqueue(now);
        }
    }

    private static Queue<DateTimeOffset> Forget(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + Window <= now)
        {
            failures.Dequeue();
        }

        return failures;
    }

    private static string Key(IPAddress? client)
    {
        if (client is null)
        {
            return "-";
        }

        if (client.IsIPv4MappedToIPv6)
        {
            client = client.MapToIPv4();
        }

        if (client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.ToString();
        }

        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
