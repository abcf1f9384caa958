using Npgsql;

namespace Kagi.Store;

/// <summary>
/// Tells the PostgreSQL store being out of reach (stopped, restarting, the network down) from anything it answered:
/// the one failure a worker waits out, since the same call passes once the store is back.
/// </summary>
public static class StoreOutage
{
    /// <summary>
    /// True when <paramref name="exception"/>, or what it wraps, is a lost or refused connection: a connection exception
    /// (SQL state 08…), the server shutting down or starting up (57P01–57P03), or a failure of the connection itself
    /// rather than of a statement.
    /// </summary>
    public static bool Is(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case PostgresException answered:
                    return answered.SqlState.StartsWith("08", StringComparison.Ordinal) || answered.SqlState is "57P01" or "57P02" or "57P03";
                case NpgsqlException unanswered:
                    return unanswered.IsTransient;
            }
        }

        return false;
    }
}
