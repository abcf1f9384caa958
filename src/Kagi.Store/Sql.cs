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
        var rows = new List<T>();
        ForEach(text, reader => rows.Add(read(reader)), parameters);
        return rows;
    }

    /// <summary>Reads each row as it arrives, keeping none: for tables too large to hold.</summary>
    public void ForEach(string text, Action<DbDataReader> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(text, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            read(reader);
        }
    }

    /// <summary>
    /// Inserts rows <paramref name="rowsPerStatement"/> at a time, reusing one prepared command for every full batch:
    /// few round trips matter on a networked server, while SQLite binds parameters by name in linear time and wants few.
    /// </summary>
    public void InsertMany(string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows, int rowsPerStatement, string suffix = "")
    {
        var perStatement = Math.Max(1, Math.Min(rowsPerStatement, MaxParameters / columns.Count));
        using var full = InsertCommand(table, columns, perStatement, suffix);
        var batch = new List<object?[]>(perStatement);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == perStatement)
            {
                Run(full, batch);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            using var rest = InsertCommand(table, columns, batch.Count, suffix);
            Run(rest, batch);
        }
    }

    private static void Run(DbCommand command, List<object?[]> rows)
    {
        var index = 0;
        foreach (var row in rows)
        {
            foreach (var value in row)
            {
                command.Parameters[index++].Value = value ?? DBNull.Value;
            }
        }

        command.ExecuteNonQuery();
    }

    private DbCommand InsertCommand(string table, IReadOnlyList<string> columns, int rowCount, string suffix)
    {
        var names = Enumerable.Range(0, rowCount * columns.Count).Select(index => "@p" + index.ToString(CultureInfo.InvariantCulture)).ToArray();
        var values = Enumerable.Range(0, rowCount).Select(row => "(" + string.Join(", ", names.Skip(row * columns.Count).Take(columns.Count)) + ")");
        return Command(
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES {string.Join(", ", values)} {suffix}",
            [.. names.Select(name => (name, (object?)null))]);
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

/// <summary>
/// Reads columns by name, the same way from both databases, whose drivers return different integer widths: a row is
/// read by what its columns are called, so a reordered SELECT cannot shift a value into the wrong field. Both drivers
/// cache the name-to-ordinal map per result set.
/// </summary>
internal static class Columns
{
    public static string RequiredText(this DbDataReader reader, string column) => reader.GetString(reader.GetOrdinal(column));

    public static string? Text(this DbDataReader reader, string column) =>
        reader.GetOrdinal(column) is var ordinal && reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Number(this DbDataReader reader, string column) =>
        reader.GetOrdinal(column) is var ordinal && reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static DateTimeOffset? Time(this DbDataReader reader, string column) =>
        reader.Number(column) is { } milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    public static long Millis(this DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}

/// <summary>LIKE patterns that both databases read alike: a backslash escapes the wildcards and itself.</summary>
internal static class Like
{
    public const string EscapeClause = "ESCAPE '\\'";

    /// <summary>The text with LIKE's wildcards made literal; append <see cref="EscapeClause"/> to the condition.</summary>
    public static string Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }
}
