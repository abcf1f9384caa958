using CsvHelper;

namespace Kagi.Reporting.Tests;

public sealed class CsvReportWriterTests
{
    [Fact]
    public void Output_matches_the_golden_file()
    {
        Golden.Assert("report.en.csv.txt", Golden.Write(new CsvReportWriter(), SampleReport.Create()));
    }

    [Fact]
    public void A_csv_reader_gets_back_one_row_per_finding_with_hostile_names_intact_but_disarmed()
    {
        // Given a scan whose resource names hold a formula, markup, quotes and pipes
        var report = MixedReport.Create();

        // When CsvHelper reads the report back
        var rows = Read(Golden.Write(new CsvReportWriter(), report));

        // Then every finding is a row, and the formula is text with a leading apostrophe
        Assert.Equal(report.Findings.Count, rows.Count);
        Assert.Contains(rows, row => row["resource_name"] == "'" + MixedReport.FormulaName);
        Assert.Contains(rows, row => row["resource_name"] == MixedReport.ImgName);
        Assert.Contains(rows, row => row["resource_name"] == MixedReport.MarkdownName);
        Assert.Contains(rows, row => row["mute_reason"] == "migrating in Q3" && row["status"] == "MUTED");
        Assert.Equal("ERROR", rows[0]["status"]);
        Assert.All(rows, row => Assert.DoesNotMatch("^[=+@\t\r-]", string.Concat(row.Values)[..1]));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("graph-1=ok", "graph-1=ok")]
    [InlineData("", "")]
    public void Cells_that_would_run_as_formulas_get_a_leading_apostrophe(string cell, string expected)
    {
        Assert.Equal(expected, CsvReportWriter.Neutralise(cell));
    }

    [Fact]
    public void The_file_starts_with_a_byte_order_mark_and_ends_rows_with_crlf()
    {
        var text = Golden.Write(new CsvReportWriter(), SampleReport.Create());

        Assert.Equal('\uFEFF', text[0]);
        Assert.StartsWith("\uFEFF\"status\",\"severity\",", text, StringComparison.Ordinal);
        Assert.EndsWith("\"\r\n", text, StringComparison.Ordinal);
    }

    // CsvHelper 34 reads RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes); the header row is read as a row.
    private static List<Dictionary<string, string>> Read(string csv)
    {
        using var reader = CsvReader.FromText(csv.TrimStart('\uFEFF'), new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        Assert.True(reader.Read(), "no header row");
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(header.Count, reader.FieldCount);
            rows.Add(header.Select((name, index) => (name, index)).ToDictionary(pair => pair.name, pair => reader.GetString(pair.index)));
        }

        return rows;
    }
}
