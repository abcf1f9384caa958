using Kagi.Core.Rules;
using Kagi.Rules;

namespace Kagi.Testing;

/// <summary>
/// Finds the English prose Kagi's own texts leave in a <c>--lang ja</c> output: each line is read by
/// <see cref="EnglishSentences"/> three words at a time, and a run of English words is a leak unless it is part of
/// a text this check excuses. Identifiers, file paths and commands need no excuse: the detector does not see them as
/// words. What is excused, and why, is named below.
/// </summary>
internal static class JapaneseOutput
{
    /// <summary>The lines of <paramref name="output"/> holding English prose no excused text explains, each with its run.</summary>
    public static IReadOnlyList<string> EnglishLines(string output, IEnumerable<string> excused)
    {
        ArgumentNullException.ThrowIfNull(output);
        var excusedRuns = excused.SelectMany(Runs).ToHashSet(StringComparer.Ordinal);
        return [.. output.Split('\n').SelectMany(line => Runs(line)
            .Where(run => EnglishSentences.FindIn(run) is not null && !excusedRuns.Contains(run))
            .Take(1)
            .Select(run => $"\"{run}\" in: {line.Trim()}"))];
    }

    /// <summary>
    /// Excused: the Japanese texts of the rules (titles, messages, risk, remediation). They are rule metadata, checked by
    /// the rule-pack tests, not texts of the catalogue; their commands and Terraform may hold words this check would read
    /// as prose.
    /// </summary>
    public static IEnumerable<string> RuleTexts() =>
        RuleCatalog.All.Select(entry => entry.Metadata).SelectMany(rule => new[] { rule.Title, rule.Risk }
            .Concat(rule.Messages.Values.SelectMany(message => message.All))
            .Concat(rule.Remediation.Media.SelectMany(medium => rule.Remediation.For(medium).Variants.Values))
            .Select(text => text.Get(Language.Ja)));

    // Every three tokens in a row, as one string: split as EnglishSentences splits them, less the quotes a format puts
    // around a text (an XML attribute) so that an excused text is recognised inside them.
    private static IEnumerable<string> Runs(string text)
    {
        var tokens = text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(token => token.Trim('"')).ToArray();
        for (var start = 0; start + 3 <= tokens.Length; start++)
        {
            yield return string.Join(' ', tokens, start, 3);
        }
    }
}
