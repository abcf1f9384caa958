using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Kagi.Store;
using Npgsql;

namespace Kagi.Cli;

/// <summary>Hangfire's storage in the team store's PostgreSQL database, in a schema of its own.</summary>
internal static class KagiJobStorage
{
    private const string Schema = "kagi_jobs";

    /// <summary>
    /// The job storage for <paramref name="location"/>. A unit a worker was running when it died is handed to another
    /// once it has not been renewed for <paramref name="lease"/>: a live worker renews its units' leases as it goes.
    /// </summary>
    public static JobStorage Open(StoreLocation location, TimeSpan lease)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = SchemaOf(location),
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = lease,
            UseSlidingInvisibilityTimeout = true,
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(location.ConnectionString, options, null), options);
    }

    // Beside the store's own schema when it names one, so two stores in one database never share a queue.
    private static string SchemaOf(StoreLocation location) =>
        new NpgsqlConnectionStringBuilder(location.ConnectionString).SearchPath?.Split(',')[0].Trim() is { Length: > 0 } schema ? $"{schema}_jobs" : Schema;
}
