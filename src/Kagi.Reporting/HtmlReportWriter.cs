using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// One self-contained HTML file: summary and charts, a filterable findings table, and each finding's risk and fixes.
/// Every value from the cloud or the code goes through <see cref="WebUtility.HtmlEncode(string)"/>, and a CSP pinned to
/// the hashes of the one style and the one script blocks anything that escaping might ever miss.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    private static readonly string Css = Asset("report.css");

    // Declared before Script, which uses it: static initialisers run in the order they are written.
    private static readonly string Copy = Asset("copy.js");
    private static readonly string Script = Asset("report.js") + "\n" + Copy;

    /// <summary>The copy buttons' script, which the dashboard serves too.</summary>
    public static string CopyScript => Copy;

    public string Format => "html";

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var ja = report.Language == Language.Ja;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="{(ja ? "ja" : "en")}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '{Hash(Css)}'; script-src '{Hash(Script)}'; img-src data:; base-uri 'none'; form-action 'none'">
            <meta name="generator" content="Kagi {H(ToolInfo.Version)}">
            <title>{H(L(ja, "Kagi report", "Kagi レポート"))} · {H(string.Join(", ", report.Targets))}</title>
            <style>{Css}</style>
            </head>
            <body>
            <header><h1>{H(L(ja, "Kagi security report", "Kagi セキュリティレポート"))}</h1>
            <p class="meta">{H(Meta(report, ja))}</p></header>
            <main>

            """);
        WriteSummary(html, report, ja);
        WriteDiagnostics(html, report.Diagnostics, ja);
        WriteFindings(html, report, ja);
        html.Append(CultureInfo.InvariantCulture, $"""
            </main>
            <footer>Kagi {H(ToolInfo.Version)} · {H(ReportJson.Timestamp(report.FinishedAt))}</footer>
            <script>{Script}</script>
            </body>
            </html>

            """);
        output.Write(html.ToString());
    }

    private static void WriteSummary(StringBuilder html, ScanReport report, bool ja)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"summary\"><h2>{H(L(ja, "Summary", "集計"))}</h2><div class=\"cards\">");
        foreach (var status in Enum.GetValues<ResultStatus>().OrderBy(FindingOrder.Rank))
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"card st-{status.ToName()}\"><span class=\"n\">{report.Count(status)}</span>{status.ToName()}</div>");
        }

        var failing = report.Findings.Where(finding => finding.Status == ResultStatus.Fail).ToList();
        var bySeverity = Enum.GetValues<Severity>().Reverse()
            .Select(severity => (severity.ToName(), failing.Count(finding => finding.Severity == severity), $"sev-{severity.ToName()}"))
            .ToList();
        var byService = report.Findings.Select(finding => finding.Rule.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(service => (service, failing.Count(finding => finding.Rule.Service == service), "service"))
            .ToList();
        html.Append("</div><div class=\"charts\">");
        html.Append(HtmlChart.Bars(L(ja, "Failing results by severity", "重大度別の不合格 (FAIL)"), bySeverity));
        html.Append(HtmlChart.Bars(L(ja, "Failing results by service", "サービス別の不合格 (FAIL)"), byService));
        html.Append("</div></section>\n");
    }

    private static void WriteDiagnostics(StringBuilder html, IReadOnlyList<ScanDiagnostic> diagnostics, bool ja)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<section class=\"diagnostics\"><h2>{H(L(ja, "Problems reading the input", "読み取れなかった入力・警告"))}</h2><ul>");
        foreach (var diagnostic in diagnostics)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{H(diagnostic.Severity.ToString().ToLowerInvariant())}: {H(diagnostic.ToString())}</li>");
        }

        html.Append("</ul></section>\n");
    }

    private static void WriteFindings(StringBuilder html, ScanReport report, bool ja)
    {
        html.Append(CultureInfo.InvariantCulture, $"""
            <section class="findings"><h2>{H(L(ja, "Findings", "検出結果"))}</h2>
            <div class="filters">
            <label>{H(L(ja, "Status", "結果"))} {Select("f-status", Enum.GetValues<ResultStatus>().OrderBy(FindingOrder.Rank).Select(s => s.ToName()), ja)}</label>
            <label>{H(L(ja, "Severity", "重大度"))} {Select("f-severity", Enum.GetValues<Severity>().Reverse().Select(s => s.ToName()), ja)}</label>
            <label>{H(L(ja, "Search", "検索"))} <input id="f-text" type="search" placeholder="{H(L(ja, "rule, resource, message…", "ルール・リソース・内容…"))}"></label>
            <span id="f-count" aria-live="polite" data-template="{H(L(ja, "{shown} of {total} shown", "{total} 件中 {shown} 件を表示"))}"></span>
            </div>
            <table id="findings"><thead><tr><th>{H(L(ja, "Status", "結果"))}</th><th>{H(L(ja, "Severity", "重大度"))}</th><th>{H(L(ja, "Rule", "ルール"))}</th><th>{H(L(ja, "Resource", "リソース"))}</th><th>{H(L(ja, "Message and fix", "内容と修復"))}</th></tr></thead>
            <tbody>

            """);
        var index = 0;
        foreach (var finding in FindingOrder.Sorted(report.Findings))
        {
            WriteFinding(html, finding, index++, report.Language);
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void WriteFinding(StringBuilder html, Finding finding, int index, Language language)
    {
        var ja = language == Language.Ja;
        var text = FindingText.Render(finding, language);
        var status = finding.Status.ToName();
        var severity = finding.Severity.ToName();
        html.Append(CultureInfo.InvariantCulture, $"""
            <tr class="finding" data-status="{status}" data-severity="{severity}">
            <td><span class="badge st-{status}">{status}</span></td>
            <td><span class="sev sev-{severity}">{severity}</span></td>
            <td class="rule">{H(finding.Rule.Id)}<br><small>{H(text.Title)}</small></td>
            <td class="res"><code>{H(finding.Resource.Id)}</code><br><small>{H(Where(finding.Resource))}</small></td>
            <td><details><summary>{H(text.Message)}</summary>
            <div class="tabs">

            """);
        RemediationTabs.Append(html, text, ja, $"t{index}", copyButtons: true);
        html.Append("</div></details></td></tr>\n");
    }

    private static string Select(string id, IEnumerable<string> values, bool ja) =>
        $"<select id=\"{id}\"><option value=\"\">{H(L(ja, "all", "すべて"))}</option>{string.Concat(values.Select(value => $"<option value=\"{H(value)}\">{H(value)}</option>"))}</select>";

    private static string Meta(ScanReport report, bool ja)
    {
        var source = report.Source switch
        {
            ScanSource.Iac => L(ja, "Terraform scan", "Terraform スキャン"),
            ScanSource.Aws => L(ja, "AWS scan", "AWS スキャン"),
            _ => L(ja, "inventory re-evaluation", "インベントリ再評価"),
        };
        return $"{source}: {string.Join(", ", report.Targets)} · {ReportJson.Timestamp(report.StartedAt)} · {L(ja, "minimum key level", "最低キーレベル")}: {report.Options.MinKeyLevel.ToName()}";
    }

    // The name is what people call the resource (and where a hostile tag would show); the place is where to fix it.
    private static string Where(CloudResource resource)
    {
        var place = resource.Location?.ToString() ?? string.Join(" ", new[] { resource.Account, resource.Region }.Where(part => part is not null));
        return resource.Name.IsKnown && resource.Name.Value != resource.Id ? $"{resource.Name.Value} · {place}" : place;
    }

    private static string H(string text) => WebUtility.HtmlEncode(text);

    private static string L(bool ja, string english, string japanese) => ja ? japanese : english;

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream($"Kagi.Reporting.Assets.{name}")
            ?? throw new InvalidOperationException($"the HTML report asset {name} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
