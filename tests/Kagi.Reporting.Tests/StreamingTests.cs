using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Reporting.Tests;

/// <summary>Writers read the verdicts by position and build each finding only to write it.</summary>
public sealed class StreamingTests
{
    private const string StoreMuted = "aws_neptune_cluster.aws_managed";

    public static TheoryData<string> Formats => [.. ReportWriters.All.Select(writer => writer.Format)];

    // The table and the HTML page lay findings out in runs of rows: tested below with their runs' sizes.
    public static TheoryData<string> StreamedFormats => ["json", "sarif", "ocsf", "asff", "csv", "junit", "md"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Verdicts_judged_again_when_written_give_the_report_of_findings_built_at_once(string format)
    {
        // Given the sample scan with an unread scope (ERROR) and a store mute on one failing cluster, once as the
        // engine's verdicts muted by position, once as findings built up front and muted one by one
        var sample = SampleReport.Create();
        var inventory = sample.Inventory! with { Unscanned = [new UnscannedScope("AWS::Neptune::DBCluster", "arn:aws:rds:eu-west-1:111122223333:cluster:*", "111122223333", "eu-west-1", "rds", "DescribeDBClusters", "access denied")] };
        var judged = VerdictSet.Of(RuleEngine.Run(inventory, Kagi.Rules.RuleCatalog.All, sample.Options));
        var mute = new Suppression("neptune-cluster-cmk-encryption", "accepted in the store", null);
        bool Muted(Finding finding) => finding.Resource.Id == StoreMuted && finding.Rule.Id == mute.RuleId;
        var lazy = sample with { Inventory = inventory, Findings = judged.Muted(index => Muted(judged[index]) ? mute : null) };
        var built = sample with { Inventory = inventory, Findings = [.. judged.Select(finding => Muted(finding) && finding.Status == ResultStatus.Fail ? finding with { MutedBy = mute } : finding)] };

        // Then both hold every status and every writer writes them alike
        Assert.All(Enum.GetValues<ResultStatus>(), status => Assert.True(lazy.Count(status) > 0, $"no {status}"));
        Assert.Equal(Write(format, built), Write(format, lazy));
    }

    [Theory]
    [MemberData(nameof(StreamedFormats))]
    public void A_writer_lets_go_of_each_finding_once_it_is_written(string format)
    {
        // Given 1,000 clusters judged by every rule of their kind
        var verdicts = ProbedVerdicts.OfClusters(1000, ScanOptions.Default);
        var report = SampleReport.Create() with { Findings = verdicts, Inventory = null };

        // When a writer writes them all
        ReportWriters.Find(format)!.Write(report, TextWriter.Null);

        // Then it read thousands of findings but never held more than a few at a time
        Assert.True(verdicts.Reads >= 1000, $"only {verdicts.Reads} findings were read");
        Assert.InRange(verdicts.MostAlive, 1, 4);
    }

    [Fact]
    public void The_html_page_holds_its_findings_a_run_of_rows_at_a_time()
    {
        // Given 1,000 clusters judged by every rule of their kind: many times more findings than one run of rows
        var verdicts = ProbedVerdicts.OfClusters(1000, ScanOptions.Default);
        var report = SampleReport.Create() with { Findings = verdicts, Inventory = null };
        Assert.True(verdicts.Count > 10 * HtmlReportWriter.RowsPerRender, $"only {verdicts.Count} verdicts");

        // When the HTML report is written
        new HtmlReportWriter().Write(report, TextWriter.Null);

        // Then it read every finding once, and never held more than the run it wrote and the next it was gathering
        Assert.Equal(verdicts.Count, verdicts.Reads);
        Assert.InRange(verdicts.MostAlive, 1, 2 * HtmlReportWriter.RowsPerRender);
    }

    [Fact]
    public void The_table_holds_its_findings_a_run_of_rows_at_a_time()
    {
        // Given 1,000 clusters judged by every rule of their kind: a rule's failures fill many runs of rows
        var verdicts = ProbedVerdicts.OfClusters(1000, ScanOptions.Default);
        var report = SampleReport.Create() with { Findings = verdicts, Inventory = null };
        var failing = Enumerable.Range(0, verdicts.Count).Where(index => verdicts.StatusAt(index) == ResultStatus.Fail).GroupBy(verdicts.RuleAt).Max(rule => rule.Count());
        Assert.True(failing > 3 * TableReportWriter.RowsPerTable, $"no rule fails more than {failing} clusters");

        // When the table is written
        using var output = new StringWriter();
        new TableReportWriter { Width = 120 }.Write(report, output);

        // Then it never held more findings than one run of rows (and the one whose title heads its rule)
        Assert.InRange(verdicts.MostAlive, 1, TableReportWriter.RowsPerTable + 1);

        // and a rule's runs read as one table: its header once, every failing cluster in a row, the passing ones counted
        var text = output.ToString();
        var headers = text.Split('\n').Count(line => line.TrimStart().StartsWith("status ", StringComparison.Ordinal));
        var passedByRule = Enumerable.Range(0, verdicts.Count).GroupBy(index => verdicts.RuleAt(index).Id).ToDictionary(rule => rule.Key, rule => rule.Count(index => verdicts.StatusAt(index) == ResultStatus.Pass));
        Assert.Equal(passedByRule.Count, headers);
        var counted = passedByRule.Values.Where(passed => passed > TableReportWriter.PassedNamesShown).ToList();
        Assert.NotEmpty(counted);
        Assert.All(counted, passed => Assert.Contains($" and {passed - TableReportWriter.PassedNamesShown} more", text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public void A_utf8_file_receives_the_same_text_as_a_string(string format)
    {
        // Given the Japanese sample report (multi-byte text throughout)
        var report = SampleReport.Create(Language.Ja);
        var path = Path.Combine(Directory.CreateTempSubdirectory("kagi-stream-").FullName, "report");

        // When it is written to a UTF-8 file, whose stream takes the JSON bytes directly
        using (var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)))
        {
            ReportWriters.Find(format)!.Write(report, file);
        }

        // Then the file holds exactly the text a string writer gets
        Assert.Equal(Write(format, report), File.ReadAllText(path));
    }

    private static string Write(string format, ScanReport report)
    {
        using var output = new StringWriter();
        ReportWriters.Find(format)!.Write(report, output);
        return output.ToString();
    }
}
