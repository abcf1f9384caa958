using System.Data.Common;

namespace Kagi.Store;

/// <summary>The store's schema, one numbered migration at a time, applied when a store is opened.</summary>
internal static class Schema
{
    // Append only: a migration that shipped never changes, because stores in the field already ran it.
    // {id} is the dialect's auto-numbered key and {blob} its type of opaque bytes; all other SQL is shared. Times are Unix milliseconds (UTC).
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE scans (
            id {id},
            source TEXT NOT NULL,
            scope_key TEXT NOT NULL,
            targets TEXT NOT NULL,
            coverage TEXT NOT NULL,
            options TEXT NOT NULL,
            started_at BIGINT NOT NULL,
            finished_at BIGINT NOT NULL,
            stored_at BIGINT NOT NULL,
            pass_count BIGINT NOT NULL,
            fail_count BIGINT NOT NULL,
            error_count BIGINT NOT NULL,
            muted_count BIGINT NOT NULL,
            unknown_count BIGINT NOT NULL
        );
        CREATE INDEX scans_scope ON scans (scope_key, id);
        CREATE TABLE scan_results (
            scan_id BIGINT NOT NULL REFERENCES scans (id),
            seq BIGINT NOT NULL,
            fingerprint TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            resource_id TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            account TEXT NULL,
            region TEXT NULL,
            file TEXT NULL,
            line BIGINT NULL,
            severity TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NULL,
            PRIMARY KEY (scan_id, seq)
        );
        CREATE TABLE findings (
            fingerprint TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            coverage_key TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            resource_id TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            account TEXT NULL,
            region TEXT NULL,
            file TEXT NULL,
            line BIGINT NULL,
            severity TEXT NOT NULL,
            state TEXT NOT NULL,
            last_status TEXT NOT NULL,
            first_seen_at BIGINT NOT NULL,
            first_scan_id BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL,
            last_scan_id BIGINT NOT NULL,
            changed_at BIGINT NOT NULL,
            changed_scan_id BIGINT NOT NULL
        );
        CREATE INDEX findings_source_state ON findings (source, state);
        CREATE TABLE mutes (
            id {id},
            kind TEXT NOT NULL,
            pattern TEXT NOT NULL,
            reason TEXT NOT NULL,
            until_at BIGINT NULL,
            created_by TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            removed_by TEXT NULL,
            removed_at BIGINT NULL
        );
        """,

        // The resource's name for search, the latest result's detail so a finding explains itself after the scan, and a
        // finding's history read by index rather than by reading every scan's rows.
        """
        ALTER TABLE findings ADD COLUMN resource_name TEXT NULL;
        ALTER TABLE findings ADD COLUMN detail TEXT NULL;
        CREATE INDEX scan_results_fingerprint ON scan_results (fingerprint, scan_id);
        """,

        // The resource's tags as the latest scan saw them (StoredTags), for mutes by tag and the dashboard; null when unknown.
        """
        ALTER TABLE findings ADD COLUMN resource_tags TEXT NULL;
        """,

        // Each scan's keys and what they protect (ScanKey): `kagi keys --store`, the dashboard's Keys pages and the trend of
        // data on AWS-managed keys. keys_recorded tells a scan that saw no keys from one stored without them (NULL), e.g.
        // before this version: readers skip the latter.
        """
        ALTER TABLE scans ADD COLUMN keys_recorded BIGINT NULL;
        CREATE TABLE scan_keys (
            scan_id BIGINT NOT NULL REFERENCES scans (id),
            seq BIGINT NOT NULL,
            key_name TEXT NOT NULL,
            account TEXT NULL,
            region TEXT NULL,
            level TEXT NULL,
            state TEXT NULL,
            dependents BIGINT NOT NULL,
            dependents_by_kind TEXT NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (scan_id, seq)
        );
        """,

        // The account's name as the organization gives it (an organization scan's), with each result and finding; null
        // for a scan of one account, an IaC scan, and rows stored before names were kept.
        """
        ALTER TABLE scan_results ADD COLUMN account_name TEXT NULL;
        ALTER TABLE findings ADD COLUMN account_name TEXT NULL;
        """,

        // Organization scans split into units (an account × a region) that workers run (DistributedScanStore): each scan's
        // state and unit counters, kept in its row so progress is read without counting units, and each unit's outcome
        // with its inventory. Units are read in position order when the scan completes into an ordinary stored scan.
        """
        CREATE TABLE distributed_scans (
            id {id},
            request TEXT NOT NULL,
            state TEXT NOT NULL,
            unit_total BIGINT NOT NULL,
            running_units BIGINT NOT NULL,
            done_units BIGINT NOT NULL,
            error_units BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            finished_at BIGINT NULL,
            stored_scan_id BIGINT NULL REFERENCES scans (id)
        );
        CREATE TABLE distributed_units (
            scan_id BIGINT NOT NULL REFERENCES distributed_scans (id),
            unit TEXT NOT NULL,
            account TEXT NOT NULL,
            account_name TEXT NULL,
            region TEXT NOT NULL,
            position BIGINT NOT NULL,
            state TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            worker TEXT NULL,
            started_at BIGINT NULL,
            finished_at BIGINT NULL,
            pass_count BIGINT NULL,
            fail_count BIGINT NULL,
            error_count BIGINT NULL,
            unknown_count BIGINT NULL,
            error_text TEXT NULL,
            inventory {blob} NULL,
            PRIMARY KEY (scan_id, unit)
        );
        CREATE INDEX distributed_units_order ON distributed_units (scan_id, position, unit);
        """,

        // The distributed scan a stored scan completed from: looked up before storing, so a completion retried after it
        // stored the scan stores nothing twice. Unique, so no two stored scans ever name the same distributed one.
        """
        ALTER TABLE scans ADD COLUMN distributed_scan_id BIGINT NULL;
        CREATE UNIQUE INDEX scans_distributed_scan ON scans (distributed_scan_id);
        """,

        // A scan's scope key names every target: an organization's is tens of kilobytes, past what a PostgreSQL index row
        // holds (8 KB). Scans of a scope are found by the key's first characters, then compared whole (Schema.SameScope).
        """
        DROP INDEX scans_scope;
        CREATE INDEX scans_scope_prefix ON scans (substr(scope_key, 1, 200), id);
        """,

        // Why a distributed scan's completion failed at its last attempt (DistributedScanStates.Failed).
        """
        ALTER TABLE distributed_scans ADD COLUMN failure TEXT NULL;
        """,
    ];

    /// <summary>
    /// The condition that a scan's scope key is <paramref name="scopeKey"/> (a parameter or an expression), through the
    /// index of the keys' first characters.
    /// </summary>
    public static string SameScope(string scopeKey) => $"substr(scope_key, 1, 200) = substr({scopeKey}, 1, 200) AND scope_key = {scopeKey}";

    public static int LatestVersion => Migrations.Length;

    /// <summary>Checks, without writing anything, that the schema is the one this Kagi reads: for a store opened only to be read.</summary>
    public static void RequireLatest(DbConnection connection)
    {
        long current;
        try
        {
            current = new Sql(connection, null).Scalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0;
        }
        catch (DbException exception)
        {
            throw new StoreException($"this is not a Kagi findings store, or no scan has been stored in it yet ({exception.Message}): run a scan with --store to create it", exception);
        }

        if (current > Migrations.Length)
        {
            throw new StoreException($"the store's schema is version {current}, newer than this Kagi knows ({Migrations.Length}); upgrade Kagi");
        }

        if (current < Migrations.Length)
        {
            throw new StoreException(
                $"the store's schema is version {current}, older than this Kagi reads ({Migrations.Length}), and reading never changes a store: run a scan with --store to upgrade the store");
        }
    }

    /// <summary>
    /// Brings the schema up to date unless it is already: a read, without the write lock <see cref="Migrate"/> takes, so
    /// opening a store many times (a worker's every unit) does not wait for a scan being saved.
    /// </summary>
    public static void MigrateIfBehind(DbConnection connection, SqlDialect dialect)
    {
        long? current;
        try
        {
            current = new Sql(connection, null).Scalar<long?>("SELECT MAX(version) FROM schema_version");
        }
        catch (DbException exception) when (!StoreOutage.Is(exception))
        {
            // No schema_version table: a new store. A store out of reach is not one, and is told as such.
            current = null;
        }

        if (current != Migrations.Length)
        {
            Migrate(connection, dialect);
        }
    }

    /// <summary>Brings the schema up to <paramref name="toVersion"/> (the latest unless an upgrade from an older one is being tried).</summary>
    public static void Migrate(DbConnection connection, SqlDialect dialect, int? toVersion = null)
    {
        using var transaction = dialect.BeginWrite(connection);
        var sql = new Sql(connection, transaction);
        sql.Execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)");
        var current = sql.Scalar<long?>("SELECT MAX(version) FROM schema_version") ?? 0;
        if (current > Migrations.Length)
        {
            throw new StoreException($"the store's schema is version {current}, newer than this Kagi knows ({Migrations.Length}); upgrade Kagi");
        }

        for (var version = (int)current + 1; version <= (toVersion ?? Migrations.Length); version++)
        {
            sql.Execute(Migrations[version - 1].Replace("{id}", dialect.IdentityColumn, StringComparison.Ordinal).Replace("{blob}", dialect.BlobColumn, StringComparison.Ordinal));
            sql.Execute("INSERT INTO schema_version (version) VALUES (@v)", ("@v", version));
        }

        transaction.Commit();
    }
}
