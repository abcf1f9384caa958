using Kagi.Core.Model;
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

/// <summary>
/// What one scan changed: how many findings it found newly failing, resolved, or still failing, the most severe of the
/// newly failing, and the scan of the same scope before it (null for a scope's first scan).
/// </summary>
public sealed record ScanChanges(StoredScan Scan, long? PreviousScanId, long New, long Resolved, long StillOpen, IReadOnlyList<TrackedFinding> NewSample);

/// <summary>One account the store holds findings of, with its name and its findings counted by state.</summary>
public sealed record StoredAccount(string Id, string? Name, IReadOnlyDictionary<FindingState, long> Counts)
{
    /// <summary>The account as people read it, <c>111122223333 (prod)</c>.</summary>
    public string Label => AccountLabel.Of(Id, Name);
}

/// <summary>One scan's verdict on one finding, for its history.</summary>
public sealed record FindingHistoryEntry(long ScanId, DateTimeOffset StoredAt, ResultStatus Status, string? Reason);

/// <summary>What the dashboard asks of the store: pages in SQL (LIMIT/OFFSET), counts and a finding's history.</summary>
public sealed partial class FindingStore
{
    private const string SeverityRank = "CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END";

    private static readonly string[] CountableColumns = ["severity", "state", "rule_id", "region"];

    /// <summary>
    /// A page of findings matching <paramref name="query"/> and a case-insensitive <paramref name="text"/> search over
    /// rule, resource ID and name, account (ID and name) and region; paged in SQL (LIMIT/OFFSET), the muted filter included.
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
            var searched = new[] { "rule_id", "resource_id", "COALESCE(resource_name, '')", "COALESCE(account, '')", "COALESCE(account_name, '')", "COALESCE(region, '')" };
            conditions.Add("(" + string.Join(" OR ", searched.Select(column => $"LOWER({column}) LIKE @text {Like.EscapeClause}")) + ")");
            var literal = Like.Literal(text.Trim().ToLowerInvariant());
            parameters.Add(("@text", "%" + literal + "%"));
        }

        var where = conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions);
        var direction = descending ? "DESC" : "ASC";
        var order = sort switch
        {
            FindingSort.Severity => $"{SeverityRank} {direction}, changed_at DESC",
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

    /// <summary>Findings not resolved, counted by one of severity, state, rule_id or region (accounts: <see cref="Accounts"/>).</summary>
    public IReadOnlyList<(string? Key, long Count)> CountOpen(string column)
    {
        if (!CountableColumns.Contains(column, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "not a countable column");
        }

        return new Sql(_connection, null).Query(
            $"SELECT {column}, COUNT(*) AS total FROM findings WHERE state <> 'RESOLVED' GROUP BY {column} ORDER BY COUNT(*) DESC, {column}",
            reader => (reader.Text(column), reader.Number("total") ?? 0));
    }

    /// <summary>
    /// Every account the store holds findings of (resolved ones too, so each can be chosen), ordered by ID, with its
    /// findings counted by state and the name organization scans gave it.
    /// </summary>
    public IReadOnlyList<StoredAccount> Accounts()
    {
        var rows = new Sql(_connection, null).Query(
            "SELECT account, state, COUNT(*) AS total, MAX(account_name) AS account_name FROM findings WHERE account IS NOT NULL GROUP BY account, state",
            reader => (Account: reader.RequiredText("account"), State: StoreNames.ParseState(reader.RequiredText("state")), Count: reader.Number("total") ?? 0, Name: reader.Text("account_name")));

        // The name is kept per finding: should a renamed account's findings hold different names, the greatest stands for them all.
        return [.. rows.GroupBy(row => row.Account, StringComparer.Ordinal)
            .OrderBy(account => account.Key, StringComparer.Ordinal)
            .Select(account => new StoredAccount(
                account.Key,
                account.Select(row => row.Name).Where(name => name is not null).Max(StringComparer.Ordinal),
                account.ToDictionary(row => row.State, row => row.Count)))];
    }

    public TrackedFinding? FindFinding(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var mutes = Mutes(includeInactive: false);
        return new Sql(_connection, null).Query(FindingWithDetailSelect + " WHERE fingerprint = @fingerprint", reader => WithMute(ReadFinding(reader), mutes), ("@fingerprint", fingerprint)).FirstOrDefault();
    }

    /// <summary>
    /// What the latest scan changed, read from the lifecycle: findings it found newly failing (new or reopened), those
    /// it resolved, and those it still found failing; with the most severe of the newly failing. Null before any scan.
    /// </summary>
    public ScanChanges? LatestChanges(int sample)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        var sql = new Sql(_connection, null);
        if (LatestScan(sql) is not { } latest)
        {
            return null;
        }

        var previous = PreviousScanOfScope(sql, latest)?.Id;
        long Count(string condition) => sql.Scalar<long>($"SELECT COUNT(*) FROM findings WHERE {condition}", ("@id", latest.Id));
        const string NewlyFailing = "changed_scan_id = @id AND state IN ('NEW', 'REOPENED')";
        var mutes = Mutes(includeInactive: false);
        var newest = sql.Query(
            FindingSelect + $" WHERE {NewlyFailing} ORDER BY {SeverityRank} DESC, fingerprint LIMIT @limit",
            reader => WithMute(ReadFinding(reader), mutes),
            ("@id", latest.Id),
            ("@limit", (long)sample));
        return new ScanChanges(
            latest,
            previous,
            Count(NewlyFailing),
            Count("changed_scan_id = @id AND state = 'RESOLVED'"),
            Count("last_scan_id = @id AND state = 'OPEN'"),
            newest);
    }

    /// <summary>Every stored scan's verdict on one finding, oldest first.</summary>
    public IReadOnlyList<FindingHistoryEntry> History(string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        return new Sql(_connection, null).Query(
            "SELECT r.scan_id, s.stored_at, r.status, r.reason FROM scan_results r JOIN scans s ON s.id = r.scan_id WHERE r.fingerprint = @fingerprint ORDER BY r.scan_id, r.seq",
            reader => new FindingHistoryEntry(reader.Number("scan_id")!.Value, reader.Time("stored_at")!.Value, StoreNames.ParseStatus(reader.RequiredText("status")), reader.Text("reason")),
            ("@fingerprint", fingerprint));
    }
}
