using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Kagi.Web;

/// <summary>What a request's credential turned out to be.</summary>
internal enum Credential
{
    /// <summary>No bearer header and no session cookie.</summary>
    Missing,

    Valid,

    /// <summary>A session cookie the server issued, past its lifetime.</summary>
    Expired,

    /// <summary>A wrong token or a forged cookie: a guess, counted against the client.</summary>
    Wrong,
}

/// <summary>
/// The access token's checks: the bearer header, and session cookies that carry an expiry signed with a key derived
/// from the token (never the token itself), so changing the token ends every session and a copied cookie dies on time.
/// </summary>
internal sealed class TokenGate(string token, TimeProvider time)
{
    public const string SessionCookie = "kagi_session";

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    private readonly byte[] _sessionKey = SHA256.HashData(Encoding.UTF8.GetBytes("kagi-dashboard-session\n" + token));

    /// <summary>
    /// Who acts in the audit trail: stable for one token, different after it is changed, and 32 bits of a digest that
    /// cannot sign anyone in.
    /// </summary>
    public string Identity { get; } =
        "dashboard:token:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("kagi-dashboard-identity\n" + token)))[..8];

    public bool Matches(string given) => SameSecret(given, token);

    public Credential Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 0)
        {
            return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..].Trim()) ? Credential.Valid : Credential.Wrong;
        }

        return request.Cookies.TryGetValue(SessionCookie, out var session) && session is not null ? CheckSession(session) : Credential.Missing;
    }

    /// <summary>A new session: the cookie's value and when it ends.</summary>
    public (string Value, DateTimeOffset Expires) NewSession()
    {
        var expires = DateTimeOffset.FromUnixTimeSeconds((time.GetUtcNow() + SessionLifetime).ToUnixTimeSeconds());
        return (Session(expires), expires);
    }

    internal string Session(DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return seconds + "." + Convert.ToHexStringLower(HMACSHA256.HashData(_sessionKey, Encoding.UTF8.GetBytes(seconds)));
    }

    private Credential CheckSession(string session)
    {
        var dot = session.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(session.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Credential.Wrong;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (!SameSecret(session, Session(expires)))
        {
            return Credential.Wrong;
        }

        return expires > time.GetUtcNow() ? Credential.Valid : Credential.Expired;
    }

    private static bool SameSecret(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
