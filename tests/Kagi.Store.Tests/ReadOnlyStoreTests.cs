using Kagi.Cli;
using Kagi.Core.Rules;
using Kagi.Testing;
using Microsoft.Data.Sqlite;
using static Kagi.Store.Tests.CliTests;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

/// <summary>
/// Reading a store writes nothing: <c>kagi findings list|mutes|scans|diff</c> neither migrate it nor switch SQLite's
/// journal mode, so a store on read-only media, or another user's, can be queried; what they print is safe on a terminal.
/// </summary>
public sealed class ReadOnlyStoreTests
{
    [Fact]
    public void Given_a_read_only_sqlite_store_in_rollback_journal_mode_when_queried_then_it_is_listed_and_not_changed()
    {
        // Given a stored scan in a SQLite file that uses a rollback journal (as another tool may have left it), made read-only.
        // Tests may run as root, whom chmod does not stop: the file's bytes and time are what prove nothing was written.
        var location = TestStores.NewLocation(StoreKind.Sqlite);
        using (var store = FindingStore.Open(location, TimeProvider.System))
        {
            store.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail)));
            store.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail), Live("other", ResultStatus.Fail)));
        }

        SetJournalMode(location.ConnectionString, "DELETE");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(location.ConnectionString, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        var bytes = File.ReadAllBytes(location.ConnectionString);
        var written = File.GetLastWriteTimeUtc(location.ConnectionString);

        // When every query command reads it
        var list = Run("findings", "list", "--store", location.ConnectionString);
        var mutes = Run("findings", "mutes", "--store", location.ConnectionString);
        var scans = Run("findings", "scans", "--store", location.ConnectionString);
        var diff = Run("findings", "diff", "--store", location.ConnectionString);

        // Then each answers, and the file is byte for byte as it was, with no journal beside it
        Assert.All(new[] { list, mutes, scans, diff }, run => Assert.True(run.ExitCode == 0, run.Error));
        Assert.Contains("2 findings", list.Output, StringComparison.Ordinal);
        Assert.Contains("1 new, 0 resolved, 1 still open", diff.Output, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(location.ConnectionString));
        Assert.Equal(written, File.GetLastWriteTimeUtc(location.ConnectionString));
        Assert.Equal(["kagi.db"], Directory.GetFiles(Path.GetDirectoryName(location.ConnectionString)!).Select(Path.GetFileName));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void Given_a_store_that_needs_a_migration_when_queried_then_it_says_to_run_a_scan_and_leaves_the_schema(StoreKind kind)
    {
        // Given a store at schema version 1
        var location = TestStores.NewLocation(kind);
        var dialect = SqlDialect.For(kind);
        using (var connection = dialect.Open(location.ConnectionString))
        {
            Schema.Migrate(connection, dialect, toVersion: 1);
        }

        // When it is listed
        var list = Run("findings", "list", "--store", location.ConnectionString);

        // Then the answer is a clear error, exit 2, and the store is still at version 1
        Assert.Equal(ExitCodes.BadInput, list.ExitCode);
        Assert.Contains("run a scan with --store to upgrade the store", list.Error, StringComparison.Ordinal);
        using var after = dialect.Open(location.ConnectionString);
        Assert.Equal(1L, new Sql(after, null).Scalar<long?>("SELECT MAX(version) FROM schema_version"));
    }

    [Fact]
    public void Given_a_postgres_store_opened_for_reading_when_something_writes_then_the_server_refuses()
    {
        var location = TestStores.NewLocation(StoreKind.Postgres);
        using (FindingStore.Open(location, TimeProvider.System))
        {
        }

        using var reading = FindingStore.OpenForReading(location, TimeProvider.System);

        Assert.Empty(reading.Scans());
        Assert.ThrowsAny<System.Data.Common.DbException>(() => reading.Mute(MuteKind.Rule, "r", "why", null, "alice"));
    }

    [Fact]
    public void Given_control_characters_in_a_resource_and_a_mute_reason_when_listed_then_none_reaches_the_terminal_raw()
    {
        // Given a finding whose resource name sets the window title, and a mute whose reason clears the screen
        var location = TestStores.NewLocation(StoreKind.Sqlite);
        using (var store = FindingStore.Open(location, TimeProvider.System))
        {
            store.SaveScan(LiveScan(["eu-west-1"], Live("db\u001b]0;pwned\u0007", ResultStatus.Fail)));
        }

        Run("findings", "mute", "neptune-cluster-cmk-encryption", "--reason", "ok\u001b[2J\rforged", "--by", "alice", "--store", location.ConnectionString);

        // When the findings and the mutes are listed
        var list = Run("findings", "list", "--store", location.ConnectionString);
        var mutes = Run("findings", "mutes", "--store", location.ConnectionString);

        // Then the control characters are visible escapes
        foreach (var printed in new[] { list.Output, mutes.Output })
        {
            Assert.DoesNotContain('\u001b', printed);
            Assert.DoesNotContain('\u0007', printed);
            Assert.DoesNotContain('\r', printed);
        }

        Assert.Contains("db\\x1b]0;pwned\\x07", list.Output, StringComparison.Ordinal);
        Assert.Contains("ok\\x1b[2J\\rforged", mutes.Output, StringComparison.Ordinal);
    }

    private static void SetJournalMode(string path, string mode)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode={mode}";
        command.ExecuteNonQuery();
    }
}
