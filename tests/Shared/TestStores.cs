using System.Diagnostics;
using System.Runtime.CompilerServices;
using Kagi.Store;
using Npgsql;

namespace Kagi.Testing;

/// <summary>
/// Fresh stores on both real databases: a temporary SQLite file, and a new schema on the PostgreSQL named by
/// KAGI_TEST_POSTGRES, or on the one .ci/postgres.sh starts when that is not set. Never a fake, never a silent skip.
/// Linked into each test project that stores findings.
/// </summary>
internal static class TestStores
{
    public const string PostgresVariable = "KAGI_TEST_POSTGRES";

    private static readonly Lazy<string> Postgres = new(StartPostgres);

    public static TheoryData<StoreKind> Kinds => new() { StoreKind.Sqlite, StoreKind.Postgres };

    /// <summary>A location no other test uses.</summary>
    public static StoreLocation NewLocation(StoreKind kind)
    {
        if (kind == StoreKind.Sqlite)
        {
            var folder = Directory.CreateTempSubdirectory("kagi-store-test-");
            return new StoreLocation(StoreKind.Sqlite, Path.Combine(folder.FullName, "kagi.db"));
        }

        var schema = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(Postgres.Value))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {schema}";
            command.ExecuteNonQuery();
        }

        return new StoreLocation(StoreKind.Postgres, new NpgsqlConnectionStringBuilder(Postgres.Value) { SearchPath = schema }.ConnectionString);
    }

    public static FindingStore Open(StoreKind kind, TimeProvider? time = null) => FindingStore.Open(NewLocation(kind), time ?? TimeProvider.System);

    private static string StartPostgres()
    {
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } given)
        {
            return given;
        }

        var script = RepoPaths.Combine(".ci", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"could not run {script}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL is needed for the store tests and could not be started: set {PostgresVariable} to a connection string, or fix {script}.\n{error.Result}");
        }

        return output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

}

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
