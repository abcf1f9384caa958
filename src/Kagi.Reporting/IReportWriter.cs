using Kagi.Core.Findings;

namespace Kagi.Reporting;

/// <summary>Writes a scan in one output format.</summary>
public interface IReportWriter
{
    /// <summary>The name used with <c>--format</c>.</summary>
    string Format { get; }

    void Write(ScanReport report, TextWriter output);
}

/// <summary>The report writers Kagi ships, by format name.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } = [new TableReportWriter(), new JsonReportWriter(), new SarifReportWriter(), new HtmlReportWriter(), new JunitReportWriter(), new CsvReportWriter(), new MarkdownReportWriter(), new OcsfReportWriter(), new AsffReportWriter()];

    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(writer => string.Equals(writer.Format, format, StringComparison.OrdinalIgnoreCase));
}
