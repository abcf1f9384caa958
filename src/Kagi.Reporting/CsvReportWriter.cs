using System.Globalization;
using System.Text;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// One row per finding, RFC 4180 (CRLF, every field quoted), spreadsheet-safe: a cell that a spreadsheet would run as a
/// formula gets a leading apostrophe. Starts with a UTF-8 byte order mark because Excel, the main reader of this format,
/// otherwise opens UTF-8 as the local code page and garbles Japanese text; scripts should read the JSON report instead.
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    internal const char ByteOrderMark = '\uFEFF';

    private static readonly string[] Header =
    [
        "status", "severity", "rule_id", "title", "resource_id", "resource_type", "resource_name", "account", "region",
        "file", "line", "message", "mute_reason", "fingerprint", "tags", "account_name",
    ];

    public string Format => "csv";

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ByteOrderMark);
        WriteRow(output, Header);
        foreach (var finding in FindingOrder.Sorted(report.Verdicts))
        {
            var text = FindingText.Render(finding, report.Language);
            var resource = finding.Resource;
            WriteRow(output,
            [
                finding.Status.ToName(),
                finding.Severity.ToName(),
                finding.Rule.Id,
                text.Title,
                resource.Id,
                resource.Type,
                resource.Name.IsKnown ? resource.Name.Value : string.Empty,
                resource.Account ?? string.Empty,
                resource.Region ?? string.Empty,
                resource.Location?.File ?? string.Empty,
                resource.Location?.Line.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                text.Message,
                finding.MutedBy?.Reason ?? string.Empty,
                finding.Fingerprint,
                ResourceTags.Joined(resource.Tags),
                resource.AccountName ?? string.Empty,
            ]);
        }
    }

    /// <summary>Neutralises what Excel, LibreOffice and Google Sheets would evaluate: = + - @ and a leading tab or CR.</summary>
    public static string Neutralise(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
    }

    internal static void WriteRow(TextWriter output, IEnumerable<string> cells)
    {
        var row = new StringBuilder();
        foreach (var cell in cells)
        {
            if (row.Length > 0)
            {
                row.Append(',');
            }

            row.Append('"').Append(Neutralise(cell).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        output.Write(row.Append("\r\n").ToString());
    }
}
