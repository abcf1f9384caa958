using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Store;

/// <summary>The one implementation of <see cref="IFindingStore"/>: shared SQL, with a <see cref="SqlDialect"/> for what differs.</summary>
public sealed partial class FindingStore : IFindingStore
{
    private static readonly string[] ResultColumns =
        ["scan_id", "seq", "fingerprint", "rule_id", "resource_id", "resource_type", "account", "region", "file", "line", "severity", "status", "reason", "account_name"];

    private static readonly string[] FindingColumns =
    [
        "fingerprint", "source", "coverage_key", "rule_id", "resource_id", "resource_type", "account", "region", "file", "line", "severity",
        "state", "last_status", "first_seen_at", "first_scan_id", "last_seen_at", "last_scan_id", "changed_at", "changed_scan_id",
        "resource_name", "detail", "resource_tags", "account_name",
    ];

    private const string TrackedColumns =
        "fingerprint, source, rule_id, resource_id, resource_type, account, region, file, line, severity, state, last_status, " +
        "first_seen_at, first_scan_id, last_seen_at, last_scan_id, changed_at, changed_scan_id, resource_name, resource_tags, account_name";

    // Lists leave each finding's detail out: sorting wide rows is what makes a deep page slow, and only one finding's page shows it.
    private const string FindingSelect = "SELECT " + TrackedColumns + ", NULL AS detail FROM findings";

    private const string FindingWithDetailSelect = "SELECT " + TrackedColumns + ", detail FROM findings";

    private const string ScanSelect = "SELECT id, source, scope_key, targets, started_at, finished_at, stored_at, pass_count, fail_count, error_count, muted_count, unknown_count FROM scans";

    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;

    private FindingStore(DbConnection connection, SqlDialect dialect, TimeProvider time)
    {
        _connection = connection;
        _dialect = dialect;
        _time = time;
    }

    public StoreLocation Location { get; private init; } = null!;

    /// <summary>
    /// Rule IDs a rule went by before, to the ID it has now: a mute of a rule by its old ID mutes the rule's findings
    /// under its new one, as the user meant when muting it.
    /// </summary>
    public IReadOnlyDictionary<string, string> RenamedRules { get; private init; } = new Dictionary<string, string>();

    /// <summary>Opens (creating if needed) the store and brings its schema up to date.</summary>
    /// <param name="renamedRules">See <see cref="RenamedRules"/>: the rule catalogue's previous IDs.</param>
    public static FindingStore Open(StoreLocation location, TimeProvider time, IReadOnlyDictionary<string, string>? renamedRules = null) =>
        Open(location, time, forReading: false, renamedRules);

    /// <summary>
    /// Opens an existing store only to read it (<c>findings list</c>, <c>diff</c>, <c>mutes</c>, <c>scans</c>): nothing is
    /// written, not even a migration or a switch of SQLite's journal mode, so a store on read-only media or shared
    /// read-only can be queried. A store whose schema is older than this Kagi's is refused: a scan upgrades it.
    /// </summary>
    public static FindingStore OpenForReading(StoreLocation location, TimeProvider time, IReadOnlyDictionary<string, string>? renamedRules = null) =>
        Open(location, time, forReading: true, renamedRules);

    private static FindingStore Open(StoreLocation location, TimeProvider time, bool forReading, IReadOnlyDictionary<string, string>? renamedRules)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        var dialect = SqlDialect.For(location.Kind);
        DbConnection? connection = null;
        try
        {
            if (forReading)
            {
                connection = dialect.OpenForReading(location.ConnectionString);
                Schema.RequireLatest(connection);
            }
            else
            {
                connection = dialect.Open(location.ConnectionString);
                Schema.Migrate(connection, dialect);
            }

            return new FindingStore(connection, dialect, time) { Location = location, RenamedRules = renamedRules ?? new Dictionary<string, string>() };
        }
        catch (StoreException)
        {
            connection?.Dispose();
            throw;
        }
        catch (Exception exception) when (exception is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            connection?.Dispose();
            throw new StoreException($"cannot open the findings store at {location.Describe()}: {exception.Message}", exception);
        }
    }

    public StoredScan SaveScan(ScanReport report) => SaveScan(report, null);

    /// <summary>Stores the scan as <see cref="SaveScan(ScanReport)"/> does, with the keys it saw and what each protects.</summary>
    public StoredScan SaveScan(ScanReport report, IEnumerable<ScanKey>? keys) => Save(report, keys, null);

    /// <summary>
    /// Stores the scan distributed scan <paramref name="distributedScanId"/> completed into, as
    /// <see cref="SaveScan(ScanReport, IEnumerable{ScanKey})"/> does, at most once: when a scan of it is already stored (its
    /// completion was retried after storing it), that scan is returned and nothing is written.
    /// </summary>
    public StoredScan SaveDistributedScan(long distributedScanId, ScanReport report, IEnumerable<ScanKey>? keys) => Save(report, keys, distributedScanId);

    private StoredScan Save(ScanReport report, IEnumerable<ScanKey>? keys, long? distributedScanId)
    {
        ArgumentNullException.ThrowIfNull(report);
        var coverage = new Coverage(report);
        var storedAt = _time.GetUtcNow();
        using var transaction = _dialect.BeginWrite(_connection);
        var sql = new Sql(_connection, transaction);

        // Looked up under the write lock: no other completion of the same scan can store it between this look and the insert.
        if (distributedScanId is not null
            && sql.Query(ScanSelect + " WHERE distributed_scan_id = @distributed", ReadScan, ("@distributed", distributedScanId)).SingleOrDefault() is { } stored)
        {
            return stored;
        }

        var id = sql.Scalar<long>(
            "INSERT INTO scans (source, scope_key, targets, coverage, options, started_at, finished_at, stored_at, pass_count, fail_count, error_count, muted_count, unknown_count, distributed_scan_id) " +
            "VALUES (@source, @scope, @targets, @coverage, @options, @started, @finished, @stored, 0, 0, 0, 0, 0, @distributed) RETURNING id",
            ("@source", report.Source.ToString().ToLowerInvariant()),
            ("@scope", coverage.ScanScopeKey),
            ("@targets", JsonSerializer.Serialize([.. report.Targets], StoreJson.Default.StringArray)),
            ("@coverage", JsonSerializer.Serialize([.. coverage.Keys.Order(StringComparer.Ordinal)], StoreJson.Default.StringArray)),
            ("@options", OptionsJson(report.Options)),
            ("@started", report.StartedAt.Millis()),
            ("@finished", report.FinishedAt.Millis()),
            ("@stored", storedAt.Millis()),
            ("@distributed", distributedScanId));

        // Counted while the rows stream out, so a scan of many results is read once for both.
        var counts = Enum.GetValues<ResultStatus>().ToDictionary(status => status, _ => 0L);
        sql.InsertMany("scan_results", ResultColumns, report.Findings.Select((finding, seq) =>
        {
            counts[finding.Status]++;
            return ResultRow(id, seq, finding);
        }), _dialect.RowsPerInsert);
        sql.Execute(
            "UPDATE scans SET pass_count = @pass, fail_count = @fail, error_count = @error, muted_count = @muted, unknown_count = @unknown WHERE id = @id",
            ("@pass", counts[ResultStatus.Pass]),
            ("@fail", counts[ResultStatus.Fail]),
            ("@error", counts[ResultStatus.Error]),
            ("@muted", counts[ResultStatus.Muted]),
            ("@unknown", counts[ResultStatus.Unknown]),
            ("@id", id));
        UpdateLifecycle(sql, _dialect, report, coverage, id, storedAt);
        if (keys is not null)
        {
            InsertKeys(sql, id, keys, _dialect.RowsPerInsert);
        }

        transaction.Commit();
        return new StoredScan(id, report.Source.ToString().ToLowerInvariant(), coverage.ScanScopeKey, report.Targets, report.StartedAt, report.FinishedAt, storedAt, counts);
    }

    public IReadOnlyList<StoredScan> Scans() => new Sql(_connection, null).Query(ScanSelect + " ORDER BY id", ReadScan);

    public IReadOnlyList<TrackedFinding> ListFindings(FindingQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var mutes = Mutes(includeInactive: false);
        var (conditions, parameters) = QueryConditions(query, mutes);

        var text = FindingSelect + (conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions)) + " ORDER BY changed_at DESC, fingerprint";
        return new Sql(_connection, null).Query(text, reader => WithMute(ReadFinding(reader), mutes), [.. parameters]);
    }

    // The WHERE conditions of a findings query, shared by `findings list` and the dashboard's pages.
    private (List<string> Conditions, List<(string, object?)> Parameters) QueryConditions(FindingQuery query, IReadOnlyList<MuteRule> activeMutes)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        void Where(string column, object? value)
        {
            if (value is not null)
            {
                conditions.Add($"{column} = @{column}");
                parameters.Add(("@" + column, value));
            }
        }

        Where("state", query.State?.ToName());
        Where("severity", query.Severity?.ToName());
        Where("rule_id", query.RuleId);
        if (query.Accounts.Count > 0)
        {
            var names = query.Accounts.Select((_, index) => "@account" + index.ToString(CultureInfo.InvariantCulture)).ToList();
            conditions.Add($"account IN ({string.Join(", ", names)})");
            parameters.AddRange(names.Zip(query.Accounts, (name, account) => (name, (object?)account)));
        }

        Where("region", query.Region);
        if (query.Since is { } since)
        {
            conditions.Add("changed_at >= @since");
            parameters.Add(("@since", since.Millis()));
        }

        if (query.Muted is { } muted)
        {
            var anyMute = AnyMuteMatches(activeMutes, parameters);
            conditions.Add(muted ? anyMute : $"NOT {anyMute}");
        }

        return (conditions, parameters);
    }

    // The SQL twin of MuteRule.Matches over the active mutes, so muted and unmuted findings page in SQL like any filter.
    private string AnyMuteMatches(IReadOnlyList<MuteRule> activeMutes, List<(string, object?)> parameters)
    {
        if (activeMutes.Count == 0)
        {
            return "(1 = 0)";
        }

        var matches = activeMutes.Select((mute, index) =>
        {
            var name = "@mute" + index.ToString(CultureInfo.InvariantCulture);
            switch (mute.Kind)
            {
                case MuteKind.Fingerprint:
                    parameters.Add((name, mute.Pattern.ToLowerInvariant()));
                    return $"LOWER(SUBSTR(fingerprint, 1, {mute.Pattern.Length.ToString(CultureInfo.InvariantCulture)})) = {name}";
                case MuteKind.Rule:
                    parameters.Add((name, mute.Pattern));
                    return $"rule_id = {name}";
                case MuteKind.Tag when TagCondition.TryParse(mute.Pattern, out var tag):
                    parameters.Add((name, StoredTags.Line(tag.Key, tag.Value)));

                    // Unknown tags (null) match no mute, in SQL as in MuteRule.Matches.
                    return _dialect.Contains("COALESCE(resource_tags, '')", name);
                case MuteKind.Tag:
                    return "(1 = 0)";
                default:
                    var (condition, value) = _dialect.GlobMatch("resource_id", name, mute.Pattern);
                    parameters.Add((name, value));
                    return condition;
            }
        });
        return "(" + string.Join(" OR ", matches) + ")";
    }

    public ScanDiff? Diff(long? before, long? after)
    {
        var sql = new Sql(_connection, null);
        var afterScan = after is { } afterId
            ? sql.Query(ScanSelect + " WHERE id = @id", ReadScan, ("@id", afterId)).FirstOrDefault()
            : before is { } beforeId
                ? sql.Query(ScanSelect + $" WHERE {Schema.SameScope("(SELECT scope_key FROM scans WHERE id = @id)")} AND id > @id ORDER BY id DESC LIMIT 1", ReadScan, ("@id", beforeId)).FirstOrDefault()
                : LatestScan(sql);
        if (afterScan is null)
        {
            return null;
        }

        var beforeScan = before is { } chosen
            ? sql.Query(ScanSelect + " WHERE id = @id", ReadScan, ("@id", chosen)).FirstOrDefault()
            : PreviousScanOfScope(sql, afterScan);
        if (beforeScan is null)
        {
            return null;
        }

        var old = FailingResults(sql, beforeScan.Id);
        var current = FailingResults(sql, afterScan.Id);
        return new ScanDiff(
            beforeScan,
            afterScan,
            [.. current.Values.Where(result => !old.ContainsKey(result.Fingerprint))],
            [.. old.Values.Where(result => !current.ContainsKey(result.Fingerprint))],
            [.. current.Values.Where(result => old.ContainsKey(result.Fingerprint))]);
    }

    public MuteRule Mute(MuteKind kind, string pattern, string reason, DateTimeOffset? until, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var now = _time.GetUtcNow();
        using var transaction = _dialect.BeginWrite(_connection);
        var id = new Sql(_connection, transaction).Scalar<long>(
            "INSERT INTO mutes (kind, pattern, reason, until_at, created_by, created_at) VALUES (@kind, @pattern, @reason, @until, @by, @at) RETURNING id",
            ("@kind", kind.ToString().ToLowerInvariant()),
            ("@pattern", pattern),
            ("@reason", reason),
            ("@until", until?.Millis()),
            ("@by", by),
            ("@at", now.Millis()));
        transaction.Commit();
        return new MuteRule(id, kind, pattern, reason, until, by, DateTimeOffset.FromUnixTimeMilliseconds(now.Millis()));
    }

    public int Unmute(string patternOrId, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patternOrId);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        // A rule's mute is listed under the rule's current ID, so that ID lifts one stored under an ID the rule had before.
        var previousIds = RenamedRules.Where(rename => rename.Value == patternOrId).Select(rename => rename.Key).ToList();
        var previous = previousIds.Select((_, index) => $"@previous{index.ToString(CultureInfo.InvariantCulture)}").ToList();
        var byPreviousId = previous.Count == 0 ? string.Empty : $" OR (kind = @rule AND pattern IN ({string.Join(", ", previous)}))";
        using var transaction = _dialect.BeginWrite(_connection);
        var lifted = new Sql(_connection, transaction).Execute(
            $"UPDATE mutes SET removed_by = @by, removed_at = @at WHERE removed_at IS NULL AND (pattern = @pattern OR CAST(id AS TEXT) = @pattern{byPreviousId})",
            [("@by", by), ("@at", _time.GetUtcNow().Millis()), ("@pattern", patternOrId), ("@rule", "rule"), .. previous.Zip(previousIds, (name, id) => (name, (object?)id))]);
        transaction.Commit();
        return lifted;
    }

    public IReadOnlyList<MuteRule> Mutes(bool includeInactive)
    {
        var now = _time.GetUtcNow();
        var all = new Sql(_connection, null).Query(
            "SELECT id, kind, pattern, reason, until_at, created_by, created_at, removed_by, removed_at FROM mutes ORDER BY id",
            reader => new MuteRule(
                reader.Number("id")!.Value,
                Enum.Parse<MuteKind>(reader.RequiredText("kind"), ignoreCase: true),
                reader.RequiredText("pattern"),
                reader.RequiredText("reason"),
                reader.Time("until_at"),
                reader.RequiredText("created_by"),
                reader.Time("created_at")!.Value,
                reader.Text("removed_by"),
                reader.Time("removed_at")))
            .Select(mute => mute.Kind == MuteKind.Rule && RenamedRules.TryGetValue(mute.Pattern, out var current) ? mute with { Pattern = current } : mute)
            .ToList();
        return includeInactive ? all : [.. all.Where(mute => mute.IsActive(now))];
    }

    public void Dispose() => _connection.Dispose();

    // Prior states are read for a batch of the scan's fingerprints at a time, so the store never holds a source's history.
    private const int FingerprintsPerLookup = 500;

    private static void UpdateLifecycle(Sql sql, SqlDialect dialect, ScanReport report, Coverage coverage, long scanId, DateTimeOffset at)
    {
        // One verdict per fingerprint: if a scan reports the same finding twice, failing wins, as it would for a reader.
        var verdicts = report.Verdicts;
        using var fingerprints = ScanFingerprints.Of(verdicts);

        // The rows stream into the inserts, each finding built for its row alone.
        IEnumerable<object?[]> Rows()
        {
            foreach (var batch in fingerprints.Kept.Chunk(FingerprintsPerLookup))
            {
                var batchFingerprints = Array.ConvertAll(batch, verdicts.FingerprintAt);
                var prior = PriorStates(sql, coverage.Source, batchFingerprints);
                for (var position = 0; position < batch.Length; position++)
                {
                    var index = batch[position];
                    prior.TryGetValue(batchFingerprints[position], out var before);
                    if (Lifecycle.Next(before?.State, verdicts.StatusAt(index)) is not { } state)
                    {
                        continue;
                    }

                    var finding = verdicts[index];
                    var failing = Lifecycle.IsFailing(finding.Status);
                    var changed = before is null || before.State != state;
                    yield return
                    [
                        finding.Fingerprint, coverage.Source, coverage.KeyOf(finding.Resource), finding.Rule.Id, finding.Resource.Id, finding.Resource.Type,
                        finding.Resource.Account, finding.Resource.Region, finding.Resource.Location?.File, (long?)finding.Resource.Location?.Line, finding.Severity.ToName(),
                        state.ToName(), finding.Status.ToName(), at.Millis(), scanId,
                        failing || before is null ? at.Millis() : before.LastSeenAt, failing || before is null ? scanId : before.LastScanId,
                        changed ? at.Millis() : before!.ChangedAt, changed ? scanId : before!.ChangedScanId,
                        finding.Resource.Name.IsKnown ? finding.Resource.Name.Value : null, ResultDetail.Of(finding).ToJson(), StoredTags.Encode(finding.Resource.Tags),
                        finding.Resource.AccountName,
                    ];
                }
            }
        }

        // first_seen is kept from the first insert; everything else follows the latest scan.
        var updates = string.Join(", ", FindingColumns.Where(column => column is not ("fingerprint" or "first_seen_at" or "first_scan_id")).Select(column => $"{column} = excluded.{column}"));
        sql.InsertMany("findings", FindingColumns, Rows(), dialect.RowsPerInsert, $"ON CONFLICT (fingerprint) DO UPDATE SET {updates}");

        // A scan looked for a finding only where it read (coverage) and with the finding's rule (--rules, --skip-rules);
        // one that judged only some resources by their tags cannot say the others' findings are gone. Only an open
        // finding can be resolved by its absence (Lifecycle.Absent), so only those are read, in the order of the scan's
        // fingerprints (ScanFingerprints.Contains).
        var changes = new List<(string Fingerprint, FindingState State)>();
        sql.ForEach(
            $"SELECT fingerprint, state, coverage_key, rule_id FROM findings WHERE source = @source AND state <> @resolved ORDER BY {dialect.Ordinal("fingerprint")}",
            reader =>
            {
                var (fingerprint, state) = (reader.RequiredText("fingerprint"), StoreNames.ParseState(reader.RequiredText("state")));
                var covered = coverage.Keys.Contains(reader.RequiredText("coverage_key")) && report.Options.Selects(reader.RequiredText("rule_id")) && report.Options.Tags.IsEmpty;
                if (Lifecycle.Absent(state, covered) is var next && next != state && !fingerprints.Contains(fingerprint))
                {
                    changes.Add((fingerprint, next));
                }
            },
            ("@source", coverage.Source),
            ("@resolved", FindingState.Resolved.ToName()));
        foreach (var (fingerprint, state) in changes)
        {
            sql.Execute(
                "UPDATE findings SET state = @state, changed_at = @at, changed_scan_id = @scan WHERE fingerprint = @fingerprint",
                ("@state", state.ToName()),
                ("@at", at.Millis()),
                ("@scan", scanId),
                ("@fingerprint", fingerprint));
        }
    }

    private static Dictionary<string, Prior> PriorStates(Sql sql, string source, IEnumerable<string> fingerprints)
    {
        var parameters = fingerprints.Select((fingerprint, index) => ("@f" + index.ToString(CultureInfo.InvariantCulture), (object?)fingerprint)).ToList();

        // Looked up by the primary key alone, the source checked here: given "source = …" too, SQLite may choose the
        // source's index and read every finding of the source for each batch.
        return sql.Query(
                $"SELECT fingerprint, source, state, last_seen_at, last_scan_id, changed_at, changed_scan_id FROM findings WHERE fingerprint IN ({string.Join(", ", parameters.Select(parameter => parameter.Item1))})",
                reader => (Source: reader.RequiredText("source"), Prior: new Prior(
                    reader.RequiredText("fingerprint"),
                    StoreNames.ParseState(reader.RequiredText("state")),
                    reader.Number("last_seen_at")!.Value,
                    reader.Number("last_scan_id")!.Value,
                    reader.Number("changed_at")!.Value,
                    reader.Number("changed_scan_id")!.Value)),
                [.. parameters])
            .Where(row => row.Source == source)
            .ToDictionary(row => row.Prior.Fingerprint, row => row.Prior, StringComparer.Ordinal);
    }

    private static StoredScan? LatestScan(Sql sql) => sql.Query(ScanSelect + " ORDER BY id DESC LIMIT 1", ReadScan).FirstOrDefault();

    // The scan of the same scope just before this one: what "since the previous scan" compares with.
    private static StoredScan? PreviousScanOfScope(Sql sql, StoredScan scan) =>
        sql.Query(ScanSelect + $" WHERE {Schema.SameScope("@scope")} AND id < @id ORDER BY id DESC LIMIT 1", ReadScan, ("@scope", scan.ScopeKey), ("@id", scan.Id)).FirstOrDefault();

    private static object?[] ResultRow(long scanId, int seq, Finding finding) =>
    [
        scanId, (long)seq, finding.Fingerprint, finding.Rule.Id, finding.Resource.Id, finding.Resource.Type, finding.Resource.Account, finding.Resource.Region,
        finding.Resource.Location?.File, (long?)finding.Resource.Location?.Line, finding.Severity.ToName(), finding.Status.ToName(),
        finding.MutedBy?.Reason ?? finding.Result.Reason, finding.Resource.AccountName,
    ];

    private static Dictionary<string, StoredResult> FailingResults(Sql sql, long scanId) =>
        sql.Query(
                "SELECT fingerprint, rule_id, resource_id, resource_type, account, region, severity, status, reason, account_name FROM scan_results WHERE scan_id = @scan AND status IN ('FAIL', 'MUTED') ORDER BY seq",
                reader => new StoredResult(
                    reader.RequiredText("fingerprint"),
                    reader.RequiredText("rule_id"),
                    reader.RequiredText("resource_id"),
                    reader.RequiredText("resource_type"),
                    reader.Text("account"),
                    reader.Text("region"),
                    StoreNames.ParseSeverity(reader.RequiredText("severity")),
                    StoreNames.ParseStatus(reader.RequiredText("status")),
                    reader.Text("reason"))
                {
                    AccountName = reader.Text("account_name"),
                },
                ("@scan", scanId))
            .DistinctBy(result => result.Fingerprint, StringComparer.Ordinal)
            .ToDictionary(result => result.Fingerprint, StringComparer.Ordinal);

    private static TrackedFinding WithMute(TrackedFinding finding, IReadOnlyList<MuteRule> mutes) =>
        finding with { MutedBy = mutes.FirstOrDefault(mute => mute.Matches(finding)) };

    private static TrackedFinding ReadFinding(DbDataReader reader) => new(
        reader.RequiredText("fingerprint"),
        reader.RequiredText("source"),
        reader.RequiredText("rule_id"),
        reader.RequiredText("resource_id"),
        reader.RequiredText("resource_type"),
        reader.Text("account"),
        reader.Text("region"),
        reader.Text("file"),
        reader.Number("line"),
        StoreNames.ParseSeverity(reader.RequiredText("severity")),
        StoreNames.ParseState(reader.RequiredText("state")),
        StoreNames.ParseStatus(reader.RequiredText("last_status")),
        reader.Time("first_seen_at")!.Value,
        reader.Number("first_scan_id")!.Value,
        reader.Time("last_seen_at")!.Value,
        reader.Number("last_scan_id")!.Value,
        reader.Time("changed_at")!.Value,
        reader.Number("changed_scan_id")!.Value)
    {
        ResourceName = reader.Text("resource_name"),
        AccountName = reader.Text("account_name"),
        Tags = StoredTags.Decode(reader.Text("resource_tags")),
        Detail = ResultDetail.FromJson(reader.Text("detail")),
    };

    private static StoredScan ReadScan(DbDataReader reader) => new(
        reader.Number("id")!.Value,
        reader.RequiredText("source"),
        reader.RequiredText("scope_key"),
        JsonSerializer.Deserialize(reader.RequiredText("targets"), StoreJson.Default.StringArray) ?? [],
        reader.Time("started_at")!.Value,
        reader.Time("finished_at")!.Value,
        reader.Time("stored_at")!.Value,
        new Dictionary<ResultStatus, long>
        {
            [ResultStatus.Pass] = reader.Number("pass_count")!.Value,
            [ResultStatus.Fail] = reader.Number("fail_count")!.Value,
            [ResultStatus.Error] = reader.Number("error_count")!.Value,
            [ResultStatus.Muted] = reader.Number("muted_count")!.Value,
            [ResultStatus.Unknown] = reader.Number("unknown_count")!.Value,
        });

    private static string OptionsJson(ScanOptions options) => JsonSerializer.Serialize(
        new StoredOptions(
            options.MinKeyLevel.ToName(),
            [.. options.Rules.Order(StringComparer.Ordinal)],
            [.. options.SkipRules.Order(StringComparer.Ordinal)],
            [.. options.Tags.Required.Select(condition => condition.ToString())],
            [.. options.Tags.Excluded.Select(condition => condition.ToString())]),
        StoreJson.Default.StoredOptions);

    private sealed record Prior(string Fingerprint, FindingState State, long LastSeenAt, long LastScanId, long ChangedAt, long ChangedScanId);
}
