using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// Prints the whole remediation of chosen findings to a terminal: risk and the fix in each medium, filled for
/// each resource, with no control character of a value left raw.
/// </summary>
public static class FixWriter
{
    public static void Write(IEnumerable<Finding> findings, Language language, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(output);
        foreach (var finding in findings)
        {
            var text = FindingText.Render(finding, language);
            output.WriteLine($"== {finding.Status.ToName()} {finding.Rule.Id} · {TerminalText.Line(finding.Resource.Id)} ({finding.Fingerprint})");
            output.WriteLine(text.Title);
            output.WriteLine(TerminalText.Block(text.Message));
            Section(output, Texts.Get(language, "reports.risk"), text.Risk);
            foreach (var fix in text.Fixes)
            {
                Section(output, fix.Medium.Label.Get(language), fix.Text);
            }

            output.WriteLine();
        }
    }

    private static void Section(TextWriter output, string heading, string body)
    {
        output.WriteLine();
        output.WriteLine($"-- {heading}");
        output.WriteLine(TerminalText.Block(body.TrimEnd()));
    }
}
