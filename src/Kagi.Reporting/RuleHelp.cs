using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// A rule's texts for a catalogue entry, not for one resource: placeholders stay visible as &lt;name&gt;, except in shell
/// commands, where they are inert capital words (<c>REGION</c>) named in a comment, as a pasted command must not redirect.
/// </summary>
internal static class RuleHelp
{
    private static readonly Dictionary<string, string> NoValues = [];

    public static FindingText Render(RuleMetadata rule, Language language)
    {
        ArgumentNullException.ThrowIfNull(rule);
        string Fill(VariantText text) => Placeholders.Fill(text.Get(null).Get(language), NoValues, Placeholders.AsIs);
        return new FindingText(
            rule.Title.Get(language),
            rule.Title.Get(language),
            rule.Risk.Get(language).TrimEnd(),
            Fill(rule.Remediation.Console),
            Placeholders.FillCommand(rule.Remediation.Cli.Get(null).Get(language), NoValues, language),
            Fill(rule.Remediation.Terraform));
    }

    /// <summary>Risk, then the three ways to fix, as Markdown.</summary>
    public static string Markdown(FindingText text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return $"""
            **{MarkdownText.Escape(Texts.Get(language, "reports.risk"))}**

            {MarkdownText.Escape(text.Risk)}

            **{MarkdownText.Escape(Texts.Get(language, "reports.fix-in-console"))}**

            {MarkdownText.Fence(text.Console, "text")}
            **{MarkdownText.Escape(Texts.Get(language, "reports.fix-with-cli"))}**

            {MarkdownText.Fence(text.Cli, "sh")}
            **{MarkdownText.Escape(Texts.Get(language, "reports.fix-in-terraform"))}**

            {MarkdownText.Fence(text.Terraform, "hcl")}
            """;
    }

    /// <summary>The same, as plain text for readers that show no Markdown.</summary>
    public static string PlainText(FindingText text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        return $"{text.Risk}\n\n{Texts.Get(language, "reports.console")}:\n{text.Console.TrimEnd()}\n\nAWS CLI:\n{text.Cli.TrimEnd()}\n\nTerraform:\n{text.Terraform.TrimEnd()}\n";
    }
}
