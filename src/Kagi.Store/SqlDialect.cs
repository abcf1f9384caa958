using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kagi.Store;

/// <summary>What differs between the two databases; everything else in the store is shared SQL.</summary>
internal abstract class SqlDialect
{
    /// <summary>An auto-numbered primary key column.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>The type of a column of opaque bytes.</summary>
    public abstract string BlobColumn { get; }

    /// <summary>How many rows one INSERT carries.</summary>
    public abstract int RowsPerInsert { get; }

    public abstract DbConnection Open(string connectionString);

    /// <summary>A connection that writes nothing: no file is created, no journal mode set, no table touched.</summary>
    public abstract DbConnection OpenForReading(string connectionString);

    /// <summary>
    /// A condition that <paramref name="column"/> matches a mute's glob (<c>*</c> any run, <c>?</c> one character,
    /// everything else literal and case-sensitive, as <see cref="MuteRule.Matches(string, string, string, IReadOnlyDictionary{string, string})"/> has it),
    /// and the parameter value that goes with it.
    /// </summary>
    public abstract (string Condition, string Value) GlobMatch(string column, string parameter, string glob);

    /// <summary>A condition true when the text of <paramref name="column"/> holds the parameter's text, taken literally.</summary>
    public abstract string Contains(string column, string parameter);

    /// <summary>A transaction that holds the store's write lock, so concurrent scans apply one after the other, each whole.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>The text column to order by as ordinal (code point) order, whatever the database's collation.</summary>
    public abstract string Ordinal(string column);

    public static SqlDialect For(StoreKind kind) => kind == StoreKind.Sqlite ? new SqliteDialect() : new PostgresDialect();
}

internal sealed class SqliteDialect : SqlDialect
{
    public override string IdentityColumn => "INTEGER PRIMARY KEY";

    public override string BlobColumn => "BLOB";

    // In-process, a round trip costs nothing, and SQLite looks each named parameter up in a list: short statements win.
    public override int RowsPerInsert => 1;

    public override DbConnection Open(string connectionString)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(connectionString))!);
        var builder = new SqliteConnectionStringBuilder { DataSource = connectionString, DefaultTimeout = 60, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();

        // WAL lets readers (findings list, the dashboard) run while a scan is being written; the busy timeout makes a
        // second writer wait for the first instead of failing at once.
        pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=60000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    // Mode=ReadOnly: SQLite itself refuses every write, so the file keeps its bytes and its journal mode, and a file
    // the user may not write can be read. A store in WAL mode still sees the scans a writer has committed.
    public override DbConnection OpenForReading(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = connectionString, Mode = SqliteOpenMode.ReadOnly, DefaultTimeout = 60, Pooling = false };
        var connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA busy_timeout=60000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    // GLOB is SQLite's case-sensitive match with the same * and ?; only '[' opens a class, and "[[]" is a literal '['.
    public override (string Condition, string Value) GlobMatch(string column, string parameter, string glob) =>
        ($"{column} GLOB {parameter}", glob.Replace("[", "[[]", StringComparison.Ordinal));

    public override string Contains(string column, string parameter) => $"instr({column}, {parameter}) > 0";

    // BEGIN IMMEDIATE takes the write lock up front: two deferred transactions that both read then write would deadlock.
    public override DbTransaction BeginWrite(DbConnection connection) => ((SqliteConnection)connection).BeginTransaction(deferred: false);

    // SQLite's default collation, BINARY, is ordinal for UTF-8 text.
    public override string Ordinal(string column) => column;
}

internal sealed class PostgresDialect : SqlDialect
{
    // Any fixed number shared by every Kagi process: the key of the advisory lock that serialises scan writes.
    private const long WriteLockKey = 0x4b616769;

    public override string IdentityColumn => "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";

    public override string BlobColumn => "BYTEA";

    public override int RowsPerInsert => 500;

    public override DbConnection Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        return connection;
    }

    // A read-only session: the server refuses any write this connection might attempt, as a read-only SQLite file would.
    public override DbConnection OpenForReading(string connectionString)
    {
        var connection = Open(connectionString);
        using var command = connection.CreateCommand();
        command.CommandText = "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY";
        command.ExecuteNonQuery();
        return connection;
    }

    // LIKE is case-sensitive here; its own wildcards and the escape character are escaped before * and ? become them.
    public override (string Condition, string Value) GlobMatch(string column, string parameter, string glob) =>
        ($"{column} LIKE {parameter} {Like.EscapeClause}", Like.Literal(glob).Replace('*', '%').Replace('?', '_'));

    public override string Contains(string column, string parameter) => $"strpos({column}, {parameter}) > 0";

    // Lifecycle updates read then write the same rows; one writer at a time keeps them exact without serialisation retries.
    public override DbTransaction BeginWrite(DbConnection connection)
    {
        var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({WriteLockKey})";
        command.ExecuteNonQuery();
        return transaction;
    }

    // The "C" collation orders by byte, which for UTF-8 is code point order; the database's own may not.
    public override string Ordinal(string column) => $"{column} COLLATE \"C\"";
}
