using Npgsql;

namespace Kagi.Store;

/// <summary>Which database a store lives in: a SQLite file, or a PostgreSQL server shared by a team.</summary>
public sealed record StoreLocation(StoreKind Kind, string ConnectionString)
{
    public const string EnvironmentVariable = "KAGI_STORE";

    /// <summary>The default embedded store, <c>~/.kagi/kagi.db</c>.</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kagi", "kagi.db");

    /// <summary>
    /// Reads <c>--store</c>: a <c>postgres://</c> or <c>postgresql://</c> URL or a <c>Host=…</c> connection string
    /// means PostgreSQL; anything else is the path of a SQLite file.
    /// </summary>
    public static StoreLocation Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreLocation(StoreKind.Postgres, FromUrl(new Uri(value)));
        }

        if (value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreLocation(StoreKind.Postgres, value);
        }

        return new StoreLocation(StoreKind.Sqlite, Path.GetFullPath(value));
    }

    /// <summary>The <c>--store</c> value if given, else <c>KAGI_STORE</c>, else the default file.</summary>
    public static StoreLocation Resolve(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultPath;
        return Parse(chosen);
    }

    /// <summary>What to show a user: never the password.</summary>
    public string Describe() => Kind == StoreKind.Sqlite
        ? ConnectionString
        : new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.ConnectionString;

    // Npgsql reads only key=value strings; libpq-style URLs are what people paste from their hosting provider.
    private static string FromUrl(Uri url)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : null,
        };
        var userInfo = url.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0])] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : string.Empty;
        }

        return builder.ConnectionString;
    }
}

public enum StoreKind
{
    Sqlite,
    Postgres,
}
