using System.Security.Cryptography;
using System.Text;
using Kagi.Core.Findings;
using Kagi.Reporting.Html;
using Microsoft.AspNetCore.Components;

namespace Kagi.Reporting;

/// <summary>
/// One self-contained HTML file, rendered from <see cref="HtmlReport"/> with its findings table's rows in runs
/// (<see cref="ReportFindingRows"/>): summary and charts, a filterable findings table, and each finding's risk and fixes.
/// The view encodes every value from the cloud or the code, and a CSP pinned to the hashes of the one style and the one
/// script blocks anything that escaping might ever miss.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>How many of the findings table's rows are rendered together, and so held at once.</summary>
    public const int RowsPerRender = 200;

    private const string FindingsTable = "<table id=\"findings\">";
    private const string RowsGoAfter = "<tbody>\n";

    private static readonly string Css = Asset("report.css");

    // Declared before Script, which uses it: static initialisers run in the order they are written.
    private static readonly string Copy = Asset("copy.js");
    private static readonly string Script = Asset("report.js") + "\n" + Copy;

    // Our own constants and base-64 hashes, nothing from a scan: written as markup so the policy reads as it is sent.
    private static readonly string ContentSecurityPolicy =
        $"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{Hash(Css)}'; script-src '{Hash(Script)}'; img-src data:; base-uri 'none'; form-action 'none'\">";

    /// <summary>The copy buttons' script, which the dashboard serves too.</summary>
    public static string CopyScript => Copy;

    public string Format => "html";

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // The style and the script are assets of this assembly, never scan data; inside <style> and <script> the
        // browser reads no character references, so they go out as they are.
        var page = HtmlView.Render<HtmlReport>(
            new Dictionary<string, object?>
            {
                [nameof(HtmlReport.Report)] = report,
                [nameof(HtmlReport.Style)] = new MarkupString(Css),
                [nameof(HtmlReport.Script)] = new MarkupString(Script),
                [nameof(HtmlReport.ContentSecurityPolicy)] = new MarkupString(ContentSecurityPolicy),
            });

        // The page comes with its findings table empty; the rows go in a run at a time, each run's findings let go once
        // written, so a page of a million findings is written with a few hundred in memory. Scan data is encoded, so
        // the table's markup can only be the page's own.
        var rowsAt = page.IndexOf(RowsGoAfter, page.IndexOf(FindingsTable, StringComparison.Ordinal), StringComparison.Ordinal) + RowsGoAfter.Length;
        output.Write(page.AsSpan(0, rowsAt));
        var firstIndex = 0;
        foreach (var rows in FindingOrder.Sorted(report.Verdicts).Chunk(RowsPerRender))
        {
            HtmlView.Write<ReportFindingRows>(
                new Dictionary<string, object?>
                {
                    [nameof(ReportFindingRows.Findings)] = rows,
                    [nameof(ReportFindingRows.FirstIndex)] = firstIndex,
                    [nameof(ReportFindingRows.Language)] = report.Language,
                },
                output);
            firstIndex += rows.Length;
        }

        output.Write(page.AsSpan(rowsAt));
    }

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    private static string Asset(string name)
    {
        using var stream = typeof(HtmlReportWriter).Assembly.GetManifestResourceStream($"Kagi.Reporting.Assets.{name}")
            ?? throw new InvalidOperationException($"the HTML report asset {name} is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
