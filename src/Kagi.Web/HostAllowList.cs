using System.Net;
using Microsoft.AspNetCore.Http;

namespace Kagi.Web;

/// <summary>
/// The <c>Host</c> names the dashboard answers to. A DNS-rebinding page reaches the dashboard under the attacker's own
/// name, so refusing every name but <c>localhost</c> and the ones the operator listed keeps such a page from reading or
/// posting anything, token or not.
/// </summary>
internal sealed class HostAllowList
{
    private readonly bool _anyAddress;
    private readonly HashSet<IPAddress> _addresses = [];
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase) { "localhost" };

    public HostAllowList(DashboardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var listen = options.Listen.Address;
        _anyAddress = listen.Equals(IPAddress.Any) || listen.Equals(IPAddress.IPv6Any);
        _addresses.Add(listen);
        foreach (var host in options.AllowedHosts)
        {
            if (Address(host) is { } address)
            {
                _addresses.Add(address);
            }
            else
            {
                _names.Add(host);
            }
        }
    }

    /// <summary>The port is not compared: the name is what a rebinding attack cannot fake.</summary>
    public bool Allows(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        // Behind a wildcard bind the machine's addresses are many and may change; an address literal is never a
        // rebinding attack, whose page must use a name the attacker controls.
        return Address(host.Host) is { } address ? _anyAddress || _addresses.Contains(address) : _names.Contains(host.Host);
    }

    // Only the canonical spelling, as browsers send it: IPAddress also reads "127.1" or "0x7f.0.0.1", which a resolver may
    // take for names.
    private static IPAddress? Address(string host)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) && string.Equals(address.ToString(), literal, StringComparison.OrdinalIgnoreCase) ? address : null;
    }
}
