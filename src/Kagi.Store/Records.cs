using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Store;

/// <summary>Where a finding stands across scans.</summary>
public enum FindingState
{
    /// <summary>Failing, first seen in the scan that changed it.</summary>
    New,

    /// <summary>Failing, and seen failing before.</summary>
    Open,

    /// <summary>A later scan that looked at the same scope found it absent or passing.</summary>
    Resolved,

    /// <summary>Failing again after it was resolved.</summary>
    Reopened,
}

/// <summary>One stored scan and its counts.</summary>
public sealed record StoredScan(
    long Id,
    string Source,
    string ScopeKey,
    IReadOnlyList<string> Targets,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateTimeOffset StoredAt,
    IReadOnlyDictionary<ResultStatus, long> Counts);

/// <summary>A finding followed across scans, by fingerprint.</summary>
public sealed record TrackedFinding(
    string Fingerprint,
    string Source,
    string RuleId,
    string ResourceId,
    string ResourceType,
    string? Account,
    string? Region,
    string? File,
    long? Line,
    Severity Severity,
    FindingState State,
    ResultStatus LastStatus,
    DateTimeOffset FirstSeenAt,
    long FirstScanId,
    DateTimeOffset LastSeenAt,
    long LastScanId,
    DateTimeOffset ChangedAt,
    long ChangedScanId)
{
    /// <summary>The mute that applies now, if any; filled in when the finding is read.</summary>
    public MuteRule? MutedBy { get; init; }

    /// <summary>The name a person uses for the resource (the cluster identifier), when the scan knew it.</summary>
    public string? ResourceName { get; init; }

    /// <summary>The account's name as the organization gives it, when the latest scan was of the organization.</summary>
    public string? AccountName { get; init; }

    /// <summary>The account as people read it, <c>111122223333 (prod)</c>; null for a finding of no account.</summary>
    public string? AccountLabel => Account is { } account ? Core.Model.AccountLabel.Of(account, AccountName) : null;

    /// <summary>The resource's tags as the latest scan saw them; null when it could not tell, or the store did not keep them yet.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The latest result's detail; null for findings stored before the store kept it.</summary>
    public ResultDetail? Detail { get; init; }

    /// <summary>Resolved because a scan of its scope no longer found it, rather than by a passing result.</summary>
    public bool ResolvedByAbsence => State == FindingState.Resolved && LastStatus != ResultStatus.Pass;

    /// <summary>The finding as its latest result judged it, for its texts and fixes.</summary>
    public Finding Explain(RuleMetadata rule) => (Detail ?? ResultDetail.NotRecorded(this, rule)).Rebuild(this, rule);
}

/// <summary>Filters for <c>kagi findings list</c>; null means any.</summary>
public sealed record FindingQuery
{
    public FindingState? State { get; init; }

    /// <summary>Only findings muted now (true) or not muted now (false).</summary>
    public bool? Muted { get; init; }

    public Severity? Severity { get; init; }

    public string? RuleId { get; init; }

    /// <summary>Only findings of these accounts (any of them); empty means any account.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    public string? Region { get; init; }

    /// <summary>Only findings whose state changed at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }
}

/// <summary>One stored result row of a scan.</summary>
public sealed record StoredResult(
    string Fingerprint,
    string RuleId,
    string ResourceId,
    string ResourceType,
    string? Account,
    string? Region,
    Severity Severity,
    ResultStatus Status,
    string? Reason)
{
    /// <summary>The account's name as the organization gives it, when the scan was of the organization.</summary>
    public string? AccountName { get; init; }

    /// <summary>The account as people read it, <c>111122223333 (prod)</c>; null for a result of no account.</summary>
    public string? AccountLabel => Account is { } account ? Core.Model.AccountLabel.Of(account, AccountName) : null;
}

/// <summary>What changed between two scans: failing results that appeared, went away, or stayed.</summary>
public sealed record ScanDiff(
    StoredScan Before,
    StoredScan After,
    IReadOnlyList<StoredResult> New,
    IReadOnlyList<StoredResult> Resolved,
    IReadOnlyList<StoredResult> StillOpen)
{
    /// <summary>The same diff narrowed to results of these accounts; empty keeps every account.</summary>
    public ScanDiff InAccounts(IReadOnlyCollection<string> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
        {
            return this;
        }

        bool Kept(StoredResult result) => result.Account is { } account && accounts.Contains(account);
        return this with { New = [.. New.Where(Kept)], Resolved = [.. Resolved.Where(Kept)], StillOpen = [.. StillOpen.Where(Kept)] };
    }
}

/// <summary>What a scan's result was, as the store names it.</summary>
internal static class StoreNames
{
    public static string ToName(this FindingState state) => state.ToString().ToUpperInvariant();

    public static FindingState ParseState(string name) => Enum.Parse<FindingState>(name, ignoreCase: true);

    public static ResultStatus ParseStatus(string name) => Enum.Parse<ResultStatus>(name, ignoreCase: true);

    public static Severity ParseSeverity(string name) => Enum.Parse<Severity>(name, ignoreCase: true);
}
