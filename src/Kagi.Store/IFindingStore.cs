using Kagi.Core.Findings;

namespace Kagi.Store;

/// <summary>The history of scans and findings, with lifecycle and muting; SQLite or PostgreSQL behind it.</summary>
public interface IFindingStore : IDisposable
{
    /// <summary>Stores the scan and every result row of it, and moves each finding's lifecycle on, in one transaction.</summary>
    StoredScan SaveScan(ScanReport report);

    /// <summary>
    /// Stores the scan as <see cref="SaveScan(ScanReport)"/> does, with the keys it saw and what each protects; null keys
    /// record nothing about keys, so the scope's keys stay those of its last scan that recorded them.
    /// </summary>
    StoredScan SaveScan(ScanReport report, IEnumerable<ScanKey>? keys);

    /// <summary>The keys of every scope's latest scan that recorded keys (none if it saw none), most dependents first.</summary>
    IReadOnlyList<StoredScanKey> LatestKeys();

    /// <summary>Every scan that recorded keys, oldest first, with its data stores on AWS-managed keys counted by kind.</summary>
    IReadOnlyList<KeyBacklog> AwsManagedBacklog();

    IReadOnlyList<StoredScan> Scans();

    IReadOnlyList<TrackedFinding> ListFindings(FindingQuery query);

    /// <summary>One finding by its full fingerprint, with its latest result's detail; null when the store does not hold it.</summary>
    TrackedFinding? FindFinding(string fingerprint);

    /// <summary>Failing results new, resolved and still open from one scan to another; defaults to the last two scans of one scope.</summary>
    ScanDiff? Diff(long? before, long? after);

    MuteRule Mute(MuteKind kind, string pattern, string reason, DateTimeOffset? until, string by);

    /// <summary>Lifts the active mutes with this pattern (or this mute ID); the rows stay, as the audit trail.</summary>
    int Unmute(string patternOrId, string by);

    IReadOnlyList<MuteRule> Mutes(bool includeInactive);
}
