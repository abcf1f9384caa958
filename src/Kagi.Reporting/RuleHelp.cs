using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// A rule's texts for a catalogue entry, not for one resource: placeholders stay visible as &lt;name&gt;, except in shell
/// commands, where they are inert capital words (<c>REGION</c>) named in a comment, as a pasted command must not redirect;
/// built parts say what no scan has read.
/// </summary>
internal static class RuleHelp
{
    private static readonly Dictionary<string, string> NoValues = [];

    private static readonly Dictionary<string, string?> NoEvidence = [];

    /// <param name="sources">The sources (<see cref="ResourceSources"/>) of the resources judged: the media shown for any of them are shown.</param>
    public static FindingText Render(RuleMetadata rule, IReadOnlySet<string> sources, Language language)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(sources);
        return new FindingText(
            rule.Title.Get(language),
            rule.Title.Get(language),
            rule.Risk.Get(language).TrimEnd(),
            FindingText.Fill(
                rule,
                rule.Remediation.Media.Where(medium => sources.Any(medium.IsShownFor)),
                null,
                NoValues,
                NoEvidence,
                PatchTarget.Example(rule.ResourceType),
                language));
    }

    /// <summary>Risk, then the fix in each medium, as Markdown.</summary>
    public static string Markdown(FindingText text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var fixes = text.Fixes.Select(fix =>
            $"**{MarkdownText.Escape(fix.Medium.Heading.Get(language))}**\n\n{MarkdownText.Fence(fix.Text, fix.CodeLanguage ?? "text")}");
        return $"**{MarkdownText.Escape(Texts.Get(language, "reports.risk"))}**\n\n{MarkdownText.Escape(text.Risk)}\n\n{string.Join("\n", fixes)}";
    }

    /// <summary>The same, as plain text for readers that show no Markdown.</summary>
    public static string PlainText(FindingText text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return $"{text.Risk}{string.Concat(text.Fixes.Select(fix => $"\n\n{fix.Medium.Label.Get(language)}:\n{fix.Text.TrimEnd()}"))}\n";
    }
}
