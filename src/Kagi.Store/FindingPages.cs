using Kagi.Core.Rules;

namespace Kagi.Store;

/// <summary>How the dashboard orders a page of findings.</summary>
public enum FindingSort
{
    Changed,
    Severity,
    Rule,
    Resource,
    State,
}

/// <summary>One page of findings and how many match in all.</summary>
public sealed record FindingPage(IReadOnlyList<TrackedFinding> Findings, long Total);

/// <summary>One scan's verdict on one finding, for its history.</summary>
public sealed record FindingHistoryEntry(long ScanId, DateTimeOffset StoredAt, ResultStatus Status, string? Reason);

/// <summary>What the dashboard asks of the store: pages in SQL (LIMIT/OFFSET), counts and a finding's history.</summary>
public sealed partial class FindingStore
{
    private static readonly string[] CountableColumns = ["severity", "state", "rule_id", "account", "region"];

    /// <summary>
    /// A page of findings matching <paramref name="query"/> and a case-insensitive <paramref name="text"/> search over
    /// rule, resource ID and name, account and region; paged in SQL (LIMIT/OFFSET), the muted filter included.
    /// </summary>
    public FindingPage PageFindings(FindingQuery query, string? text, FindingSort sort, bool descending, int offset, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var mutes = Mutes(includeInactive: false);
        var (conditions, parameters) = QueryConditions(query, mutes);

        if (!string.IsNullOrWhiteSpace(text))
        {
            // The user's text is literal: '%' and '_' in a name are characters to find, not wildcards.
            var searched = new[] { "rule_id", "resource_id", "COALESCE(resource_name, '')", "COALESCE(account, '')", "COALESCE(region, '')" };
            conditions.Add("(" + string.Join(" OR ", searched.Select(column => $"LOWER({column}) LIKE @text {Like.EscapeClause}")) + ")");
            var literal = Like.Literal(text.Trim().ToLowerInvariant());
            parameters.Add(("@text", "%" + literal + "%"));
        }

        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        var direction = descending ? "DESC" : "ASC";
        var order = sort switch
        {
            FindingSort.Severity => $"CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END {direction}, changed_at DESC",
            FindingSort.Rule => $"rule_id {direction}, resource_id",
            FindingSort.Resource => $"resource_id {direction}, rule_id",
            FindingSort.State => $"state {direction}, changed_at DESC",
            _ => $"changed_at {direction}",
        };
        var sql = new Sql(_connection, null);
        var total = sql.Scalar<long>("SELECT COUNT(*) FROM findings" + where, [.. parameters]);
        parameters.Add(("@limit", (long)limit));
        parameters.Add(("@offset", (long)offset));
        var page = sql.Query(FindingSelect + where + $" ORDER BY {order}, fingerprint LIMIT @limit OFFSET @offset", reader => WithMute(ReadFinding(reader), mutes), [.. parameters]);
        return new FindingPage(page, total);
    }

    /// <summary>Findings not resolved, counted by one of severity, state, rule_id, account or region.</summary>
    public IReadOnlyList<(string? Key, long Count)> CountOpen(string column)
    {
        if (!CountableColumns.Contains(column, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "not a countable column");
        }

        return new Sql(_connection, null).Query(
            $"SELECT {column}, COUNT(*) FROM findings WHERE state <> 'RESOLVED' GROUP BY {column} ORDER BY COUNT(*) DESC, {column}",
            reader => (reader.Text(0), reader.Number(1) ?? 0));
    }

    public TrackedFinding? FindFinding(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var mutes = Mutes(includeInactive: false);
        return new Sql(_connection, null).Query(FindingSelect + " WHERE fingerprint = @fingerprint", reader => WithMute(ReadFinding(reader), mutes), ("@fingerprint", fingerprint)).FirstOrDefault();
    }

    /// <summary>Every stored scan's verdict on one finding, oldest first.</summary>
    public IReadOnlyList<FindingHistoryEntry> History(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return new Sql(_connection, null).Query(
            "SELECT r.scan_id, s.stored_at, r.status, r.reason FROM scan_results r JOIN scans s ON s.id = r.scan_id WHERE r.fingerprint = @fingerprint ORDER BY r.scan_id, r.seq",
            reader => new FindingHistoryEntry(reader.Number(0)!.Value, reader.Time(1)!.Value, StoreNames.ParseStatus(reader.GetString(2)), reader.Text(3)),
            ("@fingerprint", fingerprint));
    }
}
