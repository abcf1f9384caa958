using System.Globalization;
using Kagi.Store;
using Npgsql;

/// <summary>Where a benchmark writes its store: a new schema on the given PostgreSQL, so runs never mix.</summary>
internal static class BenchStores
{
    public static StoreLocation FreshSchema(string connectionString, string prefix)
    {
        var schema = prefix + "_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"CREATE SCHEMA {schema}";
            command.ExecuteNonQuery();
        }

        return new StoreLocation(StoreKind.Postgres, new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema }.ConnectionString);
    }
}
