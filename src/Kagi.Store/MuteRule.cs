using System.Text.RegularExpressions;
using Kagi.Core.Findings;

namespace Kagi.Store;

/// <summary>How a mute picks its findings.</summary>
public enum MuteKind
{
    /// <summary>Findings whose fingerprint starts with the pattern.</summary>
    Fingerprint,

    /// <summary>Every finding of one rule ID.</summary>
    Rule,

    /// <summary>Findings whose resource ID matches a glob (<c>*</c> any run of characters, <c>?</c> one).</summary>
    Resource,
}

/// <summary>A muting decision and its audit trail: who muted, when, why, until when, and who lifted it.</summary>
public sealed record MuteRule(
    long Id,
    MuteKind Kind,
    string Pattern,
    string Reason,
    DateTimeOffset? Until,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? RemovedBy = null,
    DateTimeOffset? RemovedAt = null)
{
    private Regex? _glob;

    public bool IsActive(DateTimeOffset now) => RemovedAt is null && (Until is null || Until > now);

    public bool Matches(string fingerprint, string ruleId, string resourceId) => Kind switch
    {
        MuteKind.Fingerprint => fingerprint.StartsWith(Pattern, StringComparison.OrdinalIgnoreCase),
        MuteKind.Rule => string.Equals(ruleId, Pattern, StringComparison.Ordinal),
        _ => (_glob ??= Glob(Pattern)).IsMatch(resourceId),
    };

    public bool Matches(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Matches(finding.Fingerprint, finding.Rule.Id, finding.Resource.Id);
    }

    /// <summary>
    /// Guesses what a user meant: a known rule ID, else a hex fingerprint prefix (at least 6 characters, as the
    /// table prints 12), else a resource glob.
    /// </summary>
    public static MuteKind KindOf(string pattern, Func<string, bool> isRuleId)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(isRuleId);
        if (isRuleId(pattern))
        {
            return MuteKind.Rule;
        }

        return pattern.Length is >= 6 and <= 32 && pattern.All(Uri.IsHexDigit) ? MuteKind.Fingerprint : MuteKind.Resource;
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
}
