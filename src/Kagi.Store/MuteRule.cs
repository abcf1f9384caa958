using System.Globalization;
using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

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

    /// <summary>
    /// Findings whose resource carries the tag <c>KEY=VALUE</c> (split at the first <c>=</c>; the value must match exactly).
    /// A resource whose tags were unknown is not muted by it: muting what cannot be told apart would hide it.
    /// </summary>
    Tag,
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

    /// <summary>The reason as reports show it, with who muted and until when.</summary>
    public string Describe() => Until is { } until ? $"{Reason} [{CreatedBy}, until {UntilText(until)}]" : $"{Reason} [{CreatedBy}]";

    /// <summary>
    /// An expiry as the user gave it: <c>--until 2027-03-31</c> is stored as the end of that day (midnight UTC after it)
    /// and shown as <c>2027-03-31</c>, the last day muted; any other moment as <c>2027-03-31 12:00Z</c>.
    /// </summary>
    public static string UntilText(DateTimeOffset until) =>
        until.UtcDateTime.TimeOfDay == TimeSpan.Zero
            ? until.UtcDateTime.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : until.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    public bool IsActive(DateTimeOffset now) => RemovedAt is null && (Until is null || Until > now);

    /// <param name="tags">The resource's tags; null when they are unknown.</param>
    public bool Matches(string fingerprint, string ruleId, string resourceId, IReadOnlyDictionary<string, string>? tags) => Kind switch
    {
        MuteKind.Fingerprint => fingerprint.StartsWith(Pattern, StringComparison.OrdinalIgnoreCase),
        MuteKind.Rule => string.Equals(ruleId, Pattern, StringComparison.Ordinal),
        MuteKind.Tag => tags is not null && TagCondition.TryParse(Pattern, out var tag) && tag.HeldBy(tags),
        _ => (_glob ??= Glob(Pattern)).IsMatch(resourceId),
    };

    public bool Matches(TrackedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return Matches(finding.Fingerprint, finding.RuleId, finding.ResourceId, finding.Tags);
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

/// <summary>Puts the store's mutes on a scan's findings, so every report shows them as MUTED with the reason.</summary>
public static class MuteApplication
{
    public static ScanReport Apply(ScanReport report, IReadOnlyList<MuteRule> mutes)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(mutes);
        if (mutes.Count == 0)
        {
            return report;
        }

        // Matched on the verdicts alone; each finding takes its mute when a writer builds it. An in-code suppression
        // already muting the finding stays; only FAIL results can be muted, so a PASS stays a PASS.
        var verdicts = report.Verdicts;
        var suppressions = new Dictionary<(string RuleId, MuteRule Mute), Suppression>();
        return report with
        {
            Findings = verdicts.Muted(index =>
            {
                var rule = verdicts.RuleAt(index).Id;
                var resource = verdicts.ResourceAt(index);
                var fingerprint = verdicts.FingerprintAt(index);
                var tags = resource.Tags.IsKnown ? resource.Tags.Value : null;
                if (mutes.FirstOrDefault(mute => mute.Matches(fingerprint, rule, resource.Id, tags)) is not { } matched)
                {
                    return null;
                }

                // One suppression per rule and mute, shared by every finding it mutes.
                if (!suppressions.TryGetValue((rule, matched), out var suppression))
                {
                    suppression = suppressions[(rule, matched)] = new Suppression(rule, matched.Describe(), null);
                }

                return suppression;
            }),
        };
    }
}
