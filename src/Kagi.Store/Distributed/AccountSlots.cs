using System.Globalization;
using Npgsql;

namespace Kagi.Store.Distributed;

/// <summary>
/// How many units of one account run at once across every worker of a store: a unit takes one of the account's slots,
/// a PostgreSQL advisory lock held by a connection of its own. A worker that dies drops its connection, and with it the
/// slot, so no slot outlives its holder.
/// </summary>
public static class AccountSlots
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Waits for one of the <paramref name="slots"/> slots of <paramref name="account"/> and holds it until disposed;
    /// null when none came free in <paramref name="wait"/>.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be reached.</exception>
    public static async Task<IAsyncDisposable?> TakeAsync(StoreLocation location, string account, int slots, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        var keys = Enumerable.Range(0, slots).Select(slot => Key(location, account, slot)).ToArray();
        var connection = new NpgsqlConnection(location.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var until = time.GetUtcNow() + wait;
            do
            {
                foreach (var key in keys)
                {
                    if (await TryLockAsync(connection, key, cancellationToken).ConfigureAwait(false))
                    {
                        return new Slot(connection);
                    }
                }

                await Task.Delay(Retry, time, cancellationToken).ConfigureAwait(false);
            }
            while (time.GetUtcNow() < until);
        }
        catch (NpgsqlException exception)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StoreException($"cannot take a slot of account {account} in {location.Describe()}: {exception.Message}", exception);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// A slot held: given back by unlocking it, then closing its connection (a pooled one would keep it). A connection the
    /// store lost (it restarted) has nothing to give back: the server dropped its locks with it.
    /// </summary>
    private sealed class Slot(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock_all()", connection);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (StoreOutage.Is(exception) || connection.State != System.Data.ConnectionState.Open)
            {
                // Lost with the connection: nothing held.
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    // One 64-bit lock key per store, account and slot: the store's search path keeps two stores in one database apart.
    private static long Key(StoreLocation location, string account, int slot)
    {
        var schema = new NpgsqlConnectionStringBuilder(location.ConnectionString).SearchPath ?? string.Empty;
        var text = string.Create(CultureInfo.InvariantCulture, $"kagi-account-slot\n{schema}\n{account}\n{slot}");
        return BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)), 0);
    }
}
