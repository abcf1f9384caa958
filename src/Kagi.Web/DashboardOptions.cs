using System.Globalization;
using System.Net;
using Kagi.Store;

namespace Kagi.Web;

/// <summary>What <c>kagi serve</c> was asked for: the store, where to listen, and the access token if any.</summary>
public sealed record DashboardOptions(StoreLocation Store, IPEndPoint Listen, string? Token)
{
    public const string TokenVariable = "KAGI_TOKEN";
    public const string DefaultListen = "127.0.0.1:8080";

    /// <summary>
    /// Checks the options before anything binds: a dashboard reachable from other hosts must demand a token.
    /// Returns the options, or an error message for the user.
    /// </summary>
    public static (DashboardOptions? Options, string? Error) Create(StoreLocation store, string? listen, string? token)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!TryParseListen(listen ?? DefaultListen, out var endPoint))
        {
            return (null, $"--listen: '{listen}' is not HOST:PORT (e.g. 127.0.0.1:8080 or [::1]:8080).");
        }

        var chosen = string.IsNullOrEmpty(token) ? null : token;
        if (!IPAddress.IsLoopback(endPoint.Address) && chosen is null)
        {
            return (null, $"refusing to listen on {endPoint} without an access token: anyone who can reach it could read and mute findings. " +
                $"Give --token or set {TokenVariable}, or listen on 127.0.0.1.");
        }

        return (new DashboardOptions(store, endPoint, chosen), null);
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
