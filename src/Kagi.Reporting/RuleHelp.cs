using Kagi.Core.Findings;
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
        var ja = language == Language.Ja;
        return $"""
            **{(ja ? "リスク" : "Risk")}**

            {MarkdownText.Escape(text.Risk)}

            **{(ja ? "コンソールでの修復手順" : "Fix in the console")}**

            {MarkdownText.Fence(text.Console, "text")}
            **{(ja ? "AWS CLI での修復" : "Fix with the AWS CLI")}**

            {MarkdownText.Fence(text.Cli, "sh")}
            **{(ja ? "Terraform での修復" : "Fix in Terraform")}**

            {MarkdownText.Fence(text.Terraform, "hcl")}
            """;
    }

    /// <summary>The same, as plain text for readers that show no Markdown.</summary>
    public static string PlainText(FindingText text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ja = language == Language.Ja;
        return $"{text.Risk}\n\n{(ja ? "コンソール" : "Console")}:\n{text.Console.TrimEnd()}\n\nAWS CLI:\n{text.Cli.TrimEnd()}\n\nTerraform:\n{text.Terraform.TrimEnd()}\n";
    }
}
