using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kagi.Store;
using Npgsql;

namespace Kagi.Aws.Tests;

/// <summary>
/// A PostgreSQL cluster of one test's own, that the test may stop and start again: the shared test server
/// (.ci/postgres.sh) serves other test assemblies at the same time and must never stop. It lives in a temporary folder
/// and listens on a free port of 127.0.0.1, run from the binaries .ci/postgres.sh runs (the newest
/// /usr/lib/postgresql/*/bin), as the 'postgres' user when the tests run as root, since PostgreSQL refuses root.
/// Stopped and deleted when disposed.
/// </summary>
internal sealed class PrivatePostgres : IDisposable
{
    private const string User = "kagi";

    private readonly string _bin;
    private readonly DirectoryInfo _folder;
    private readonly int _port;

    private PrivatePostgres(string bin, DirectoryInfo folder, int port)
    {
        _bin = bin;
        _folder = folder;
        _port = port;
    }

    /// <summary>The cluster's store: its 'postgres' database, pooled as a worker's connections are.</summary>
    public StoreLocation Location => new(StoreKind.Postgres, $"Host=127.0.0.1;Port={_port};Username={User};Database=postgres");

    /// <summary>The same store on connections of their own, none kept from before a restart: for the test's own reads.</summary>
    public StoreLocation Unpooled => new(StoreKind.Postgres, new NpgsqlConnectionStringBuilder(Location.ConnectionString) { Pooling = false }.ConnectionString);

    private string Data => Path.Combine(_folder.FullName, "data");

    /// <summary>Creates the cluster and starts it.</summary>
    public static PrivatePostgres Create()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(version => Path.Combine(version, "bin")).Where(Directory.Exists)
                .MaxBy(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : 0)
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("no PostgreSQL in /usr/lib/postgresql/*/bin: run .ci/postgres.sh once, which installs it");
        }

        var folder = Directory.CreateTempSubdirectory("kagi-private-pg-");
        if (Environment.UserName == "root")
        {
            Run("chown", "postgres", folder.FullName);
        }

        var postgres = new PrivatePostgres(bin, folder, FreePort());
        postgres.AsOwner("initdb", "-D", postgres.Data, "-U", User, "--auth=trust", "--encoding=UTF8", "--no-locale");
        postgres.Start();
        return postgres;
    }

    /// <summary>Starts the server and waits until it takes connections.</summary>
    public void Start() =>
        AsOwner(
            "pg_ctl", "-D", Data, "-l", Path.Combine(_folder.FullName, "server.log"), "-w", "-t", "60",
            "-o", $"-p {_port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={_folder.FullName} -c fsync=off -c max_connections=200",
            "start");

    /// <summary>Stops the server in fast mode, as an operator would: every session is ended at once, nothing waited for.</summary>
    public void Stop() => AsOwner("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    public void Dispose()
    {
        try
        {
            AsOwner("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Stopped already.
        }

        _folder.Delete(recursive: true);
    }

    private void AsOwner(string program, params string[] arguments)
    {
        var path = Path.Combine(_bin, program);
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed:\n{output.Result}{error.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
