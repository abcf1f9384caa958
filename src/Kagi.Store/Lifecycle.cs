using Kagi.Core.Rules;

namespace Kagi.Store;

/// <summary>The lifecycle rules, kept apart from SQL so both databases follow exactly the same ones.</summary>
internal static class Lifecycle
{
    public static bool IsFailing(ResultStatus status) => status is ResultStatus.Fail or ResultStatus.Muted;

    public static bool IsOpen(FindingState state) => state != FindingState.Resolved;

    /// <summary>The state after a scan saw the finding with <paramref name="status"/>; null while it was never failing.</summary>
    public static FindingState? Next(FindingState? prior, ResultStatus status) => (prior, status) switch
    {
        (null, _) when IsFailing(status) => FindingState.New,
        (FindingState.Resolved, _) when IsFailing(status) => FindingState.Reopened,
        (_, _) when IsFailing(status) => FindingState.Open,
        ({ } state, ResultStatus.Pass) when IsOpen(state) => FindingState.Resolved,

        // ERROR and UNKNOWN say nothing about the finding: "could not tell" never resolves it.
        _ => prior,
    };

    /// <summary>The state after a scan that covered the finding's scope did not report it at all.</summary>
    public static FindingState Absent(FindingState prior, bool covered) => covered && IsOpen(prior) ? FindingState.Resolved : prior;
}
