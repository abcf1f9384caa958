using System.Data.Common;

namespace Kagi.Store.Distributed;

/// <summary>
/// The store's record of distributed scans: an organization scan split into units that workers run, each unit's
/// outcome written once however often its job is retried or delivered, and the scan completed exactly once when every
/// unit has reported. PostgreSQL only, since workers on many machines share it. One connection per instance: open one
/// per thread.
/// </summary>
/// <remarks>
/// Writers lock rows in one order, a unit's before its scan's, so concurrent starts, finishes and additions of units
/// never deadlock; the scan's row holds its unit counters, so every finish is counted under that row's lock.
/// </remarks>
public sealed class DistributedScanStore : IDisposable
{
    private static readonly string[] UnitInsertColumns = ["scan_id", "unit", "account", "account_name", "region", "position", "state", "attempts"];

    private const string PlannedColumns = "unit, account, account_name, region, position";

    private const string StatusSelect =
        "SELECT id, request, state, unit_total, running_units, done_units, error_units, created_at, finished_at, stored_scan_id, failure FROM distributed_scans";

    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly TimeProvider _time;

    private DistributedScanStore(DbConnection connection, SqlDialect dialect, TimeProvider time)
    {
        _connection = connection;
        _dialect = dialect;
        _time = time;
    }

    /// <summary>Opens the PostgreSQL store and brings its schema up to date; a SQLite store is refused.</summary>
    public static DistributedScanStore Open(StoreLocation location, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(time);
        if (location.Kind != StoreKind.Postgres)
        {
            throw new StoreException($"distributed scans need a PostgreSQL store (--store postgres://…): {location.Describe()} is a SQLite file, which workers on other machines cannot share");
        }

        var dialect = SqlDialect.For(location.Kind);
        DbConnection? connection = null;
        try
        {
            connection = dialect.Open(location.ConnectionString);
            Schema.MigrateIfBehind(connection, dialect);
            return new DistributedScanStore(connection, dialect, time);
        }
        catch (StoreException)
        {
            connection?.Dispose();
            throw;
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or ArgumentException)
        {
            connection?.Dispose();
            throw new StoreException($"cannot open the store of distributed scans at {location.Describe()}: {exception.Message}", exception);
        }
    }

    /// <summary>Records a new scan, still planning; <paramref name="request"/> is the caller's JSON of what to scan, kept as given.</summary>
    public long CreateScan(string request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request);
        return new Sql(_connection, null).Scalar<long>(
            "INSERT INTO distributed_scans (request, state, unit_total, running_units, done_units, error_units, created_at) " +
            "VALUES (@request, @state, 0, 0, 0, 0, @at) RETURNING id",
            ("@request", request),
            ("@state", DistributedScanStates.Planning),
            ("@at", _time.GetUtcNow().Millis()));
    }

    /// <summary>
    /// Adds the scan's units and sets its total, and the scan is running. Units already added are kept as they were,
    /// so adding the same units again changes nothing. With no units at all the scan is at once ready to complete.
    /// </summary>
    public void AddUnits(long scanId, IReadOnlyList<PlannedUnit> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        using var transaction = _connection.BeginTransaction();
        var sql = new Sql(_connection, transaction);
        var state = sql.Scalar<string>("SELECT state FROM distributed_scans WHERE id = @id", ("@id", scanId));
        if (state is not (DistributedScanStates.Planning or DistributedScanStates.Running))
        {
            throw new StoreException(state is null
                ? $"there is no distributed scan {scanId}"
                : $"distributed scan {scanId} is {state}: units are added only while it is planning or running");
        }

        // Units first, the scan's row last: the order every writer locks in.
        sql.InsertMany(
            "distributed_units",
            UnitInsertColumns,
            units.Select(unit => new object?[] { scanId, unit.Unit, unit.Account, unit.AccountName, unit.Region, (long)unit.Position, UnitStates.Pending, 0L }),
            _dialect.RowsPerInsert,
            "ON CONFLICT (scan_id, unit) DO NOTHING");
        sql.Execute(
            "UPDATE distributed_scans SET unit_total = (SELECT COUNT(*) FROM distributed_units WHERE scan_id = @id), state = @running WHERE id = @id",
            ("@id", scanId),
            ("@running", DistributedScanStates.Running));
        transaction.Commit();
    }

    /// <summary>
    /// Marks the unit running on <paramref name="worker"/> and counts the attempt; false, changing nothing, when the unit
    /// has already finished (a duplicate delivery of its job, which should then do nothing).
    /// </summary>
    public bool StartUnit(long scanId, string unit, string worker)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(worker);
        using var transaction = _connection.BeginTransaction();
        var sql = new Sql(_connection, transaction);
        var state = LockUnit(sql, scanId, unit);
        if (IsFinished(state))
        {
            return false;
        }

        sql.Execute(
            "UPDATE distributed_units SET state = @running, attempts = attempts + 1, worker = @worker, started_at = @at WHERE scan_id = @scan AND unit = @unit",
            ("@running", UnitStates.Running),
            ("@worker", worker),
            ("@at", _time.GetUtcNow().Millis()),
            ("@scan", scanId),
            ("@unit", unit));
        if (state == UnitStates.Pending)
        {
            sql.Execute("UPDATE distributed_scans SET running_units = running_units + 1 WHERE id = @scan", ("@scan", scanId));
        }

        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Stores the unit's outcome (done, or error when it carries an error text) and counts it toward the scan's
    /// completion, in one transaction. A unit already finished is left as its first outcome had it. Exactly one caller,
    /// however many finish at once, is told <see cref="UnitFinish.Last"/>.
    /// </summary>
    public UnitFinish FinishUnit(long scanId, string unit, UnitOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        using var transaction = _connection.BeginTransaction();
        var sql = new Sql(_connection, transaction);
        var state = LockUnit(sql, scanId, unit);
        if (IsFinished(state))
        {
            return UnitFinish.AlreadyFinished;
        }

        var failed = outcome.ErrorText is not null;
        sql.Execute(
            "UPDATE distributed_units SET state = @state, finished_at = @at, pass_count = @pass, fail_count = @fail, error_count = @error, unknown_count = @unknown, " +
            "error_text = @text, inventory = @inventory WHERE scan_id = @scan AND unit = @unit",
            ("@state", failed ? UnitStates.Error : UnitStates.Done),
            ("@at", _time.GetUtcNow().Millis()),
            ("@pass", (long)outcome.Pass),
            ("@fail", (long)outcome.Fail),
            ("@error", (long)outcome.Error),
            ("@unknown", (long)outcome.Unknown),
            ("@text", outcome.ErrorText),
            ("@inventory", outcome.Inventory),
            ("@scan", scanId),
            ("@unit", unit));

        // The scan's row is locked by this update until commit, so each finish sees the count its own finish made.
        var (finished, total) = sql.Query(
            "UPDATE distributed_scans SET running_units = running_units - @wasRunning, done_units = done_units + @done, error_units = error_units + @failed " +
            "WHERE id = @scan RETURNING done_units + error_units AS finished, unit_total",
            reader => (reader.Number("finished"), reader.Number("unit_total")),
            ("@wasRunning", state == UnitStates.Running ? 1L : 0L),
            ("@done", failed ? 0L : 1L),
            ("@failed", failed ? 1L : 0L),
            ("@scan", scanId)).Single();
        transaction.Commit();
        return finished == total ? UnitFinish.Last : UnitFinish.Recorded;
    }

    /// <summary>
    /// Claims the scan's completion once every unit has reported, for the one completion job the last unit enqueues,
    /// who then reads the units (<see cref="ReadUnits"/>), stores the scan and ends the completion
    /// (<see cref="EndCompletion"/>). True again while the scan is still completing: that job, retried after its worker
    /// died, takes it up again; false once it is done.
    /// </summary>
    public bool BeginCompletion(long scanId) =>
        new Sql(_connection, null).Execute(
            "UPDATE distributed_scans SET state = @completing WHERE id = @id AND state IN (@running, @completing) AND done_units + error_units = unit_total",
            ("@completing", DistributedScanStates.Completing),
            ("@id", scanId),
            ("@running", DistributedScanStates.Running)) == 1;

    /// <summary>
    /// The scan's finished units in position order, each read from the store only when the previous one has been
    /// handled, so one inventory at a time is in memory and the store may be used between them.
    /// </summary>
    public IEnumerable<FinishedUnit> ReadUnits(long scanId)
    {
        // Every position is an int, so none sorts at or before this start.
        var (position, unit) = (long.MinValue, string.Empty);
        while (new Sql(_connection, null).Query(
                   $"SELECT {PlannedColumns}, state, inventory, error_text FROM distributed_units " +
                   "WHERE scan_id = @scan AND state IN (@done, @error) AND (position, unit) > (@position, @unit) ORDER BY position, unit LIMIT 1",
                   reader => new FinishedUnit(
                       ReadPlanned(reader),
                       reader.RequiredText("state"),
                       reader.GetOrdinal("inventory") is var ordinal && reader.IsDBNull(ordinal) ? [] : reader.GetFieldValue<byte[]>(ordinal),
                       reader.Text("error_text")),
                   ("@scan", scanId),
                   ("@done", UnitStates.Done),
                   ("@error", UnitStates.Error),
                   ("@position", position),
                   ("@unit", unit)).SingleOrDefault() is { } next)
        {
            yield return next;
            (position, unit) = (next.Unit.Position, next.Unit.Unit);
        }
    }

    /// <summary>
    /// Ends the completion: the scan is done, merged into the ordinary stored scan <paramref name="storedScanId"/>. Its
    /// units' inventories, needed only to merge them, are dropped in the same transaction, so a store does not keep every
    /// scan's raw inventory; the units stay, with their states and counts.
    /// </summary>
    public void EndCompletion(long scanId, long storedScanId)
    {
        using var transaction = _connection.BeginTransaction();
        var sql = new Sql(_connection, transaction);

        // Units first, the scan's row last: the order every writer locks in. A scan not completing rolls both back.
        sql.Execute("UPDATE distributed_units SET inventory = NULL WHERE scan_id = @scan", ("@scan", scanId));
        var ended = sql.Execute(
            "UPDATE distributed_scans SET state = @done, finished_at = @at, stored_scan_id = @stored WHERE id = @id AND state = @completing",
            ("@done", DistributedScanStates.Done),
            ("@at", _time.GetUtcNow().Millis()),
            ("@stored", storedScanId),
            ("@id", scanId),
            ("@completing", DistributedScanStates.Completing));
        if (ended == 0)
        {
            throw new StoreException($"distributed scan {scanId} is not completing, so its completion cannot end: only the caller that began it ends it");
        }

        transaction.Commit();
    }

    /// <summary>
    /// Ends a completion that failed at its last attempt: the scan is failed, with <paramref name="reason"/>, and nothing
    /// is stored; those following it stop waiting. The units keep their inventories, for a look at what failed.
    /// </summary>
    public void FailCompletion(long scanId, string reason) =>
        new Sql(_connection, null).Execute(
            "UPDATE distributed_scans SET state = @failed, finished_at = @at, failure = @reason WHERE id = @id AND state = @completing",
            ("@failed", DistributedScanStates.Failed),
            ("@at", _time.GetUtcNow().Millis()),
            ("@reason", reason),
            ("@id", scanId),
            ("@completing", DistributedScanStates.Completing));

    /// <summary>The scan's progress, or null when there is no such scan.</summary>
    public DistributedScanStatus? Status(long scanId) =>
        new Sql(_connection, null).Query(StatusSelect + " WHERE id = @id", ReadStatus, ("@id", scanId)).SingleOrDefault();

    /// <summary>Every distributed scan's progress, newest first.</summary>
    public IReadOnlyList<DistributedScanStatus> Scans() => new Sql(_connection, null).Query(StatusSelect + " ORDER BY id DESC", ReadStatus);

    /// <summary>Each unit's progress in position order, without inventories.</summary>
    public IReadOnlyList<UnitStatus> Units(long scanId) =>
        new Sql(_connection, null).Query(
            $"SELECT {PlannedColumns}, state, attempts, worker, started_at, finished_at, pass_count, fail_count, error_count, unknown_count, error_text " +
            "FROM distributed_units WHERE scan_id = @scan ORDER BY position, unit",
            reader => new UnitStatus(
                ReadPlanned(reader),
                reader.RequiredText("state"),
                Integer(reader, "attempts"),
                reader.Text("worker"),
                reader.Time("started_at"),
                reader.Time("finished_at"),
                Integer(reader, "pass_count"),
                Integer(reader, "fail_count"),
                Integer(reader, "error_count"),
                Integer(reader, "unknown_count"),
                reader.Text("error_text")),
            ("@scan", scanId));

    public void Dispose() => _connection.Dispose();

    private static bool IsFinished(string state) => state is UnitStates.Done or UnitStates.Error;

    // Holds the unit's row until the transaction ends: a second start or finish of the same unit waits, then sees this one's.
    private static string LockUnit(Sql sql, long scanId, string unit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        return sql.Scalar<string>("SELECT state FROM distributed_units WHERE scan_id = @scan AND unit = @unit FOR UPDATE", ("@scan", scanId), ("@unit", unit))
            ?? throw new StoreException($"distributed scan {scanId} has no unit '{unit}'");
    }

    private static int Integer(DbDataReader reader, string column) => (int)(reader.Number(column) ?? 0);

    private static PlannedUnit ReadPlanned(DbDataReader reader) => new(
        reader.RequiredText("unit"),
        reader.RequiredText("account"),
        reader.Text("account_name"),
        reader.RequiredText("region"),
        Integer(reader, "position"));

    private static DistributedScanStatus ReadStatus(DbDataReader reader)
    {
        var (total, running, done, error) = (Integer(reader, "unit_total"), Integer(reader, "running_units"), Integer(reader, "done_units"), Integer(reader, "error_units"));
        return new DistributedScanStatus(
            reader.Number("id")!.Value,
            reader.RequiredText("request"),
            reader.RequiredText("state"),
            new UnitCounts(total, total - running - done - error, running, done, error),
            reader.Time("created_at")!.Value,
            reader.Time("finished_at"),
            reader.Number("stored_scan_id"),
            reader.Text("failure"));
    }
}
