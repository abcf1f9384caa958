using System.Globalization;
using System.Net;
using System.Text;
using Kagi.Core.Findings;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>A finding's risk and its fix in each medium as radio-button tabs (no script needed), for the HTML report and the dashboard.</summary>
public static class RemediationTabs
{
    /// <param name="group">Names the tab set; unique on the page.</param>
    /// <param name="copyButtons">Adds a copy button to the code tabs (the page's script must handle it).</param>
    public static void Append(StringBuilder html, FindingText text, bool ja, string group, bool copyButtons)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(text);
        var language = ja ? Language.Ja : Language.En;
        var tabs = new (string Label, string Body, bool Code)[] { (ja ? "リスク" : "Risk", text.Risk, false) }
            .Concat(text.Fixes.Select(fix => (Label: fix.Medium.Label.Get(language), Body: fix.Text, Code: fix.Medium.CodeLanguage is not null)))
            .ToList();
        for (var tab = 0; tab < tabs.Count; tab++)
        {
            var id = $"{group}-{tab}";
            html.Append(CultureInfo.InvariantCulture, $"<input type=\"radio\" name=\"{group}\" id=\"{id}\"{(tab == 0 ? " checked" : string.Empty)}><label for=\"{id}\">{H(tabs[tab].Label)}</label>");
        }

        html.Append('\n');
        var copy = copyButtons
            ? $"<button class=\"copy\" type=\"button\" data-done=\"{H(ja ? "コピーしました" : "Copied")}\">{H(ja ? "コピー" : "Copy")}</button>"
            : string.Empty;
        foreach (var (_, body, code) in tabs)
        {
            html.Append(code
                ? $"<div class=\"panel\"><pre><code>{H(body.TrimEnd())}</code></pre>{copy}</div>\n"
                : $"<div class=\"panel\"><p>{H(body.TrimEnd())}</p></div>\n");
        }
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);
}
