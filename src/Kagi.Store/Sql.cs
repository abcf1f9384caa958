using System.Data.Common;
using System.Globalization;

namespace Kagi.Store;

/// <summary>Parameterised commands on one connection and transaction; the only place SQL text meets values.</summary>
internal sealed class Sql(DbConnection connection, DbTransaction? transaction)
{
    // Both SQLite (32766) and PostgreSQL (65535) accept this many parameters in one statement with room to spare.
    private const int MaxParameters = 30000;

    public int Execute(string text, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(text, parameters);
        return command.ExecuteNonQuery();
    }

    public T? Scalar<T>(string text, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(text, parameters);
        var value = command.ExecuteScalar();
        if (value is null or DBNull)
        {
            return default;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    public List<T> Query<T>(string text, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(text, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Inserts rows many at a time: one round trip per batch instead of per row matters on a networked server.</summary>
    public void InsertMany(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string suffix = "")
    {
        var perStatement = Math.Max(1, Math.Min(500, MaxParameters / columns.Count));
        var batch = new List<object?[]>(perStatement);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == perStatement)
            {
                InsertBatch(table, columns, batch, suffix);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            InsertBatch(table, columns, batch, suffix);
        }
    }

    private void InsertBatch(string table, IReadOnlyList<string> columns, List<object?[]> rows, string suffix)
    {
        var parameters = new List<(string, object?)>(rows.Count * columns.Count);
        var values = new List<string>(rows.Count);
        foreach (var row in rows)
        {
            var names = new string[columns.Count];
            for (var column = 0; column < columns.Count; column++)
            {
                names[column] = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                parameters.Add((names[column], row[column]));
            }

            values.Add("(" + string.Join(", ", names) + ")");
        }

        Execute($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)} {suffix}", [.. parameters]);
    }

    private DbCommand Command(string text, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The text is the store's own SQL; every value arrives as a parameter.
        command.CommandText = text;
#pragma warning restore CA2100
        command.CommandTimeout = 120;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}

/// <summary>Reads columns the same way from both databases, whose drivers return different integer widths.</summary>
internal static class Columns
{
    public static string? Text(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Number(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static DateTimeOffset? Time(this DbDataReader reader, int ordinal) =>
        reader.Number(ordinal) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    public static long Millis(this DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}

/// <summary>The store could not do what was asked: unreachable, locked, or a schema from a newer Kagi.</summary>
public sealed class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
