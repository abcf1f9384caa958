using System.Globalization;
using System.Net;
using Kagi.Store;

namespace Kagi.Web;

/// <summary>
/// What <c>kagi serve</c> was asked for: the store, where to listen, the access token if any, and the extra host
/// names browsers may use to reach it.
/// </summary>
public sealed record DashboardOptions(StoreLocation Store, IPEndPoint Listen, string? Token, IReadOnlyList<string> AllowedHosts)
{
    public const string TokenVariable = "KAGI_TOKEN";
    public const string DefaultListen = "127.0.0.1:8080";

    /// <summary>Shorter tokens can be guessed online; <c>openssl rand -hex 32</c> gives 64.</summary>
    public const int MinimumTokenLength = 16;

    /// <summary>The job engine's own dashboard, when this build and store have one (the JIT build on PostgreSQL).</summary>
    public MountedDashboard? Jobs { get; init; }

    /// <summary>
    /// Checks the options before anything binds: a dashboard reachable from other hosts must demand a token, a token
    /// must be long enough to resist guessing, and every allowed host must be a bare host name or address.
    /// Returns the options, or an error message for the user.
    /// </summary>
    public static (DashboardOptions? Options, string? Error) Create(StoreLocation store, string? listen, string? token, IReadOnlyList<string>? allowedHosts = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!TryParseListen(listen ?? DefaultListen, out var endPoint))
        {
            return (null, $"--listen: '{listen}' is not HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:8080).");
        }

        if (token is not null && (token.Trim().Length < MinimumTokenLength || token.Trim().Length != token.Length))
        {
            return (null, $"--token / {TokenVariable}: an access token needs at least {MinimumTokenLength} characters and no leading or trailing spaces " +
                "(e.g. KAGI_TOKEN=$(openssl rand -hex 32)).");
        }

        if (!IPAddress.IsLoopback(endPoint.Address) && token is null)
        {
            return (null, $"refusing to listen on {endPoint} without an access token: anyone who can reach it could read and mute findings. " +
                $"Give --token or set {TokenVariable}, or listen on 127.0.0.1.");
        }

        var hosts = new List<string>();
        foreach (var host in allowedHosts ?? [])
        {
            if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
            {
                return (null, $"--allowed-host: '{host}' is not a host name (give the name alone, e.g. kagi.example.com, without scheme or port).");
            }

            hosts.Add(host.ToLowerInvariant());
        }

        return (new DashboardOptions(store, endPoint, token, hosts), null);
    }

    public static bool TryParseListen(string text, out IPEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(text);
        endPoint = null!;
        var trimmed = text.Trim();
        if (trimmed.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = "127.0.0.1" + trimmed["localhost".Length..];
        }

        if (!IPEndPoint.TryParse(trimmed, out var parsed) || !trimmed.Contains(':', StringComparison.Ordinal) || parsed.Port is < 0 or > 65535)
        {
            return false;
        }

        // "0.0.0.0" with no port parses as port 0; demand an explicit port.
        var portText = trimmed[(trimmed.LastIndexOf(':') + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return false;
        }

        endPoint = parsed;
        return true;
    }
}
