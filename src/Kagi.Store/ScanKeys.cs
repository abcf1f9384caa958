using System.Text.Json;

namespace Kagi.Store;

/// <summary>
/// One key of a stored scan and what it protects, as the store keeps it: the columns the dashboard filters and counts by,
/// and the key's whole row as its writer put it (<paramref name="Detail"/>, opaque to the store).
/// </summary>
/// <param name="Key">The key's ARN, Terraform address, alias or label, as the key inventory names it.</param>
/// <param name="Level">The key level's name (<c>aws-managed</c>, <c>customer</c>, …); null when unknown.</param>
/// <param name="State">The key state as KMS names it (<c>Enabled</c>, <c>PendingDeletion</c>, …); null when unknown.</param>
/// <param name="DependentsByKind">Resources the key protects, counted by resource type.</param>
public sealed record ScanKey(
    string Key,
    string? Account,
    string? Region,
    string? Level,
    string? State,
    IReadOnlyDictionary<string, int> DependentsByKind,
    string Detail)
{
    public int Dependents => DependentsByKind.Values.Sum();
}

/// <summary>A key as the latest scan of its scope saw it.</summary>
public sealed record StoredScanKey(long ScanId, string ScopeKey, DateTimeOffset StoredAt, ScanKey Key);

/// <summary>One scan's count of data stores on AWS-managed keys, by resource type: the CMK migration backlog at that scan.</summary>
public sealed record KeyBacklog(long ScanId, string ScopeKey, DateTimeOffset StoredAt, IReadOnlyDictionary<string, int> StoresByKind)
{
    public int Stores => StoresByKind.Values.Sum();
}

public sealed partial class FindingStore
{
    private static readonly string[] KeyColumns = ["scan_id", "seq", "key_name", "account", "region", "level", "state", "dependents", "dependents_by_kind", "detail"];

    private const string AwsManagedLevel = "aws-managed";

    /// <summary>The keys of every scope's latest scan that recorded keys (none if it saw none), most dependents first.</summary>
    public IReadOnlyList<StoredScanKey> LatestKeys()
    {
        const string Latest = "SELECT MAX(id) FROM scans WHERE keys_recorded = 1 GROUP BY scope_key";
        return new Sql(_connection, null).Query(
            "SELECT scan_keys.*, scans.scope_key, scans.stored_at FROM scan_keys JOIN scans ON scans.id = scan_keys.scan_id " +
            $"WHERE scan_keys.scan_id IN ({Latest}) ORDER BY scan_keys.dependents DESC, scan_keys.key_name, scan_keys.scan_id",
            reader => new StoredScanKey(reader.GetInt64(reader.GetOrdinal("scan_id")), reader.RequiredText("scope_key"), reader.Time("stored_at")!.Value, ReadKey(reader)));
    }

    /// <summary>Every scan that recorded keys, oldest first, with its data stores on AWS-managed keys counted by kind.</summary>
    public IReadOnlyList<KeyBacklog> AwsManagedBacklog()
    {
        var scans = new Sql(_connection, null).Query(
            "SELECT id, scope_key, stored_at FROM scans WHERE keys_recorded = 1 ORDER BY id",
            reader => (Id: reader.GetInt64(0), Scope: reader.GetString(1), StoredAt: reader.Time("stored_at")!.Value));
        var counts = new Sql(_connection, null).Query(
            "SELECT scan_id, dependents_by_kind FROM scan_keys WHERE level = @level AND dependents > 0",
            reader => (ScanId: reader.GetInt64(0), ByKind: ByKind(reader.GetString(1))),
            ("@level", AwsManagedLevel));
        var byScan = counts.ToLookup(row => row.ScanId);
        return [.. scans.Select(scan => new KeyBacklog(scan.Id, scan.Scope, scan.StoredAt, Sum(byScan[scan.Id].Select(row => row.ByKind))))];
    }

    private static void InsertKeys(Sql sql, long scanId, IEnumerable<ScanKey> keys, int rowsPerInsert)
    {
        sql.Execute("UPDATE scans SET keys_recorded = 1 WHERE id = @id", ("@id", scanId));
        sql.InsertMany("scan_keys", KeyColumns, keys.Select((key, seq) => new object?[]
        {
            scanId, (long)seq, key.Key, key.Account, key.Region, key.Level, key.State, (long)key.Dependents,
            JsonSerializer.Serialize(new Dictionary<string, int>(key.DependentsByKind, StringComparer.Ordinal), StoreJson.Default.DictionaryStringInt32), key.Detail,
        }), rowsPerInsert);
    }

    private static ScanKey ReadKey(System.Data.Common.DbDataReader reader) => new(
        reader.RequiredText("key_name"),
        reader.Text("account"),
        reader.Text("region"),
        reader.Text("level"),
        reader.Text("state"),
        ByKind(reader.RequiredText("dependents_by_kind")),
        reader.RequiredText("detail"));

    private static Dictionary<string, int> ByKind(string json) =>
        JsonSerializer.Deserialize(json, StoreJson.Default.DictionaryStringInt32) ?? [];

    private static SortedDictionary<string, int> Sum(IEnumerable<Dictionary<string, int>> counts)
    {
        var sum = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (kind, count) in counts.SelectMany(byKind => byKind))
        {
            sum[kind] = sum.GetValueOrDefault(kind) + count;
        }

        return sum;
    }
}
