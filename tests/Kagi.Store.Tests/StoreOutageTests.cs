using System.Net;
using System.Net.Sockets;
using Kagi.Testing;
using Npgsql;

namespace Kagi.Store.Tests;

/// <summary>What a worker waits out: the PostgreSQL store out of reach, never an answer it gave.</summary>
public sealed class StoreOutageTests
{
    [Fact]
    public void A_store_that_refuses_the_connection_is_an_outage_even_wrapped_in_a_store_error()
    {
        // Given a port nothing listens on
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        // When the store is opened there
        var refused = Assert.Throws<StoreException>(() => FindingStore.Open(new StoreLocation(StoreKind.Postgres, $"Host=127.0.0.1;Port={port};Username=kagi;Timeout=5"), TimeProvider.System));

        // Then the failure is an outage
        Assert.True(StoreOutage.Is(refused), refused.ToString());
    }

    [Fact]
    public void A_statement_the_store_refused_is_not_an_outage()
    {
        // Given a reachable store
        using var connection = new NpgsqlConnection(TestStores.NewLocation(StoreKind.Postgres).ConnectionString);
        connection.Open();

        // When it is asked for a table it does not have
        using var command = new NpgsqlCommand("SELECT * FROM no_such_table", connection);
        var answered = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());

        // Then that answer is not an outage, while the server shutting down is
        Assert.False(StoreOutage.Is(new StoreException("wrapped", answered)));
        Assert.True(StoreOutage.Is(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")));
    }
}
