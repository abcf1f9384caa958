namespace Kagi.Store.Distributed;

/// <summary>The states of a distributed scan, in the order it passes through them.</summary>
public static class DistributedScanStates
{
    /// <summary>Created; its units are not added yet.</summary>
    public const string Planning = "planning";

    /// <summary>Its units are added and being run.</summary>
    public const string Running = "running";

    /// <summary>Every unit reported and one caller is merging them into a stored scan.</summary>
    public const string Completing = "completing";

    /// <summary>Merged into the ordinary stored scan it names.</summary>
    public const string Done = "done";

    /// <summary>Its completion failed at its last attempt: nothing was stored, and why is kept.</summary>
    public const string Failed = "failed";
}

/// <summary>The states of a unit: pending until a worker starts it, then done or error once, for good.</summary>
public static class UnitStates
{
    public const string Pending = "pending";

    public const string Running = "running";

    public const string Done = "done";

    public const string Error = "error";
}

/// <summary>One unit of a distributed scan: an account in a region. <paramref name="Unit"/> is its key within the scan.</summary>
public sealed record PlannedUnit(string Unit, string Account, string? AccountName, string Region, int Position);

/// <summary>
/// What a unit reported: its inventory (opaque bytes, the caller's gzip of a saved inventory), its result counts, and
/// <paramref name="ErrorText"/> when the unit failed for good.
/// </summary>
public sealed record UnitOutcome(byte[] Inventory, int Pass, int Fail, int Error, int Unknown, string? ErrorText)
{
    /// <summary>A unit that failed its last attempt: nothing collected, only why.</summary>
    public static UnitOutcome Failed(string errorText) => new([], 0, 0, 0, 0, errorText);
}

/// <summary>What finishing a unit did.</summary>
public enum UnitFinish
{
    /// <summary>The outcome is stored; other units are still to report.</summary>
    Recorded,

    /// <summary>The outcome is stored and it was the scan's last unit to report: told to exactly one caller.</summary>
    Last,

    /// <summary>The unit had already finished (a retried or duplicated job): nothing changed.</summary>
    AlreadyFinished,
}

/// <summary>A finished unit as the completion reads it: its state (done or error), its inventory, and why it failed.</summary>
public sealed record FinishedUnit(PlannedUnit Unit, string State, byte[] Inventory, string? ErrorText);

/// <summary>How many of a scan's units are in each state.</summary>
public sealed record UnitCounts(int Total, int Pending, int Running, int Done, int Error)
{
    /// <summary>Units that reported, done or error: the scan can complete when this is <see cref="Total"/>.</summary>
    public int Finished => Done + Error;
}

/// <summary>
/// A distributed scan's progress. <paramref name="StoredScanId"/> is the ordinary stored scan it completed into;
/// <paramref name="Failure"/> why its completion failed, when it did.
/// </summary>
public sealed record DistributedScanStatus(
    long Id,
    string Request,
    string State,
    UnitCounts Units,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    long? StoredScanId,
    string? Failure = null);

/// <summary>One unit's progress, without its inventory; the counts are zero until it finishes.</summary>
public sealed record UnitStatus(
    PlannedUnit Unit,
    string State,
    int Attempts,
    string? Worker,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Pass,
    int Fail,
    int Error,
    int Unknown,
    string? ErrorText);
