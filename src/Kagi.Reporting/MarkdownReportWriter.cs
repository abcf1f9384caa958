using System.Globalization;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting.Keys;

namespace Kagi.Reporting;

/// <summary>
/// A compact pull-request comment: the counts, then what needs action (errors and failures first), each finding
/// collapsed in a &lt;details&gt; with its Terraform fix. Passing results are only counted.
/// </summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    public string Format => "md";

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var language = report.Language;
        var md = output;
        var failing = report.Count(ResultStatus.Fail) + report.Count(ResultStatus.Error);
        md.Write(string.Create(CultureInfo.InvariantCulture, $"## {(failing == 0 ? "✅" : "❌")} Kagi: {Headline(report, language)}\n\n"));
        md.Write(string.Create(CultureInfo.InvariantCulture, $"| {MarkdownText.Escape(Texts.Get(language, "reports.column-status"))} | {MarkdownText.Escape(Texts.Get(language, "reports.column-count"))} |\n| --- | ---: |\n"));
        foreach (var status in Enum.GetValues<ResultStatus>().OrderBy(FindingOrder.Rank))
        {
            md.Write(string.Create(CultureInfo.InvariantCulture, $"| {Icon(status)} {status.ToName()} | {report.Count(status)} |\n"));
        }

        if (KeySummary.Line(ReportKeys.Of(report), language) is { } keys)
        {
            md.Write(string.Create(CultureInfo.InvariantCulture, $"\n🔑 {MarkdownText.Escape(keys)}\n"));
        }

        if (report.Diagnostics.Count > 0)
        {
            md.Write(string.Create(CultureInfo.InvariantCulture, $"\n**{MarkdownText.Escape(Texts.Get(language, "reports.input-problems"))}**\n\n"));
            foreach (var diagnostic in report.Diagnostics)
            {
                md.Write(string.Create(CultureInfo.InvariantCulture, $"- {MarkdownText.Escape(diagnostic.ToString(language))}\n"));
            }
        }

        if (report.Count(ResultStatus.Pass) < report.Verdicts.Count)
        {
            md.Write(string.Create(CultureInfo.InvariantCulture, $"\n### {MarkdownText.Escape(Texts.Get(language, "reports.needs-attention"))}\n\n"));
        }

        foreach (var finding in FindingOrder.NeedingAttention(report.Verdicts))
        {
            WriteFinding(md, finding, language);
        }
    }

    private static void WriteFinding(TextWriter md, Finding finding, Language language)
    {
        var text = FindingText.Render(finding, language);
        var where = finding.Resource.Location is { } location ? $" ({location})" : string.Empty;
        md.Write(string.Create(CultureInfo.InvariantCulture, $"<details><summary>{Icon(finding.Status)} <b>{finding.Status.ToName()}</b> {finding.Severity.ToName()} · {MarkdownText.Escape(finding.Rule.Id)} · <code>{MarkdownText.Escape(finding.Resource.Id)}</code>{MarkdownText.Escape(where)}</summary>\n\n"));
        md.Write(string.Create(CultureInfo.InvariantCulture, $"{MarkdownText.Escape(text.Message)}\n\n"));
        if (ResourceTags.Joined(finding.Resource.Tags) is { Length: > 0 } tags)
        {
            md.Write(string.Create(CultureInfo.InvariantCulture, $"{MarkdownText.Escape(Texts.Get(language, "reports.tags"))}: {MarkdownText.Escape(tags)}\n\n"));
        }

        if (finding.Status is ResultStatus.Fail or ResultStatus.Muted)
        {
            // One fix keeps the comment compact: the code of the source it came from (Terraform, CloudFormation), the CLI for live resources.
            var fix = text.CodeFix(ResourceSources.Of(finding.Resource));
            md.Write(string.Create(CultureInfo.InvariantCulture, $"{MarkdownText.Escape(fix.Medium.Heading.Get(language))}:\n\n{MarkdownText.Fence(fix.Text, fix.CodeLanguage!)}\n"));
        }

        md.Write(string.Create(CultureInfo.InvariantCulture, $"{MarkdownText.Escape(Texts.Get(language, "reports.fingerprint"))}: {finding.Fingerprint}\n</details>\n\n"));
    }

    private static string Headline(ScanReport report, Language language)
    {
        var parts = new[] { ResultStatus.Error, ResultStatus.Fail, ResultStatus.Unknown }
            .Where(status => report.Count(status) > 0)
            .Select(status => $"{report.Count(status)} {status.ToName()}")
            .ToList();
        var where = MarkdownText.Escape(string.Join(", ", report.Targets));
        return parts.Count == 0
            ? Texts.Get(language, "reports.no-failing-results", ("targets", where))
            : $"{string.Join(" · ", parts)} — {where}";
    }

    private static string Icon(ResultStatus status) => status switch
    {
        ResultStatus.Error => "⚠️",
        ResultStatus.Fail => "❌",
        ResultStatus.Unknown => "❔",
        ResultStatus.Muted => "🔕",
        _ => "✅",
    };
}
