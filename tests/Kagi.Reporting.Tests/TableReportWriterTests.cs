using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting.Tests;

public sealed class TableReportWriterTests
{
    [Fact]
    public void Failures_come_first_with_their_fix_command_and_no_colour_codes_in_a_file()
    {
        var text = Write(Language.En);

        Assert.DoesNotContain("\u001b[", text, StringComparison.Ordinal);
        var failAt = text.IndexOf("FAIL", StringComparison.Ordinal);
        var passAt = text.IndexOf("PASS", StringComparison.Ordinal);
        Assert.True(failAt >= 0 && failAt < passAt, "failing results are listed before passing ones");
        Assert.Contains("fix: kagi --fix ", text, StringComparison.Ordinal);
        Assert.Contains("examples/app/broken.tf:3:15: expected '='", text, StringComparison.Ordinal);
        Assert.Contains("Summary: ERROR 0 · FAIL 3 · UNKNOWN 1 · MUTED 1 · PASS 5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Passing_resources_of_a_rule_share_one_row()
    {
        // The row's list wraps within its column: read it as one line.
        var text = System.Text.RegularExpressions.Regex.Replace(Write(Language.En), @"\s+", " ");

        Assert.Contains("4 resource(s)", text, StringComparison.Ordinal);
        Assert.Contains("1 resource(s)", text, StringComparison.Ordinal);
        Assert.Contains("aws_neptune_cluster.accepted, aws_neptune_cluster.aws_managed, aws_neptune_cluster.good", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_in_resource_names_is_printed_as_text()
    {
        // Given a failing resource whose ID and file, and a target, are Spectre markup
        var sample = SampleReport.Create();
        var fail = sample.Findings.First(finding => finding.Status == ResultStatus.Fail);
        var resource = fail.Resource with { Id = "[red]id[/]", Location = new SourceLocation("[link]f.tf[/]", 7) };
        var report = sample with { Findings = [fail with { Resource = resource }], Targets = ["[blue]target[/]"] };

        // When the table is written
        using var output = new StringWriter();
        new TableReportWriter().Write(report, output);
        var text = output.ToString();

        // Then each is printed as typed, brackets and all, rather than styled
        Assert.Contains("[red]id[/]", text, StringComparison.Ordinal);
        Assert.Contains("[link]f.tf[/]:7", text, StringComparison.Ordinal);
        Assert.Contains("[blue]target[/]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Japanese_headings_and_messages()
    {
        var text = Write(Language.Ja);

        Assert.Contains("集計", text, StringComparison.Ordinal);
        Assert.Contains("最低キーレベル", text, StringComparison.Ordinal);
        Assert.Contains("修正方法", text, StringComparison.Ordinal);
    }

    private static string Write(Language language)
    {
        using var output = new StringWriter();
        new TableReportWriter { FixCommand = finding => $"kagi --fix {finding.Fingerprint[..8]}" }.Write(SampleReport.Create(language), output);
        return output.ToString();
    }

    [Fact]
    public void At_80_columns_identifiers_break_at_separators_and_no_line_ends_in_spaces()
    {
        // Given a failure on a resource whose ARN is far wider than a column
        var sample = SampleReport.Create();
        var fail = sample.Findings.First(finding => finding.Status == ResultStatus.Fail);
        const string Arn = "arn:aws:rds:ap-northeast-1:123456789012:cluster:graph-production-primary";
        var report = sample with { Findings = [.. sample.Findings, fail with { Resource = fail.Resource with { Id = Arn, Location = null } }] };

        // When it is drawn at 80 columns
        using var output = new StringWriter();
        new TableReportWriter { Width = 80 }.Write(report, output);
        var lines = output.ToString().Split(Environment.NewLine);

        // Then no line is wider than 80 or ends in a space
        Assert.All(lines, line => Assert.True(line.Length <= 80, line));
        Assert.DoesNotContain(lines, line => line.EndsWith(' '));

        // And the ARN's pieces, read down its column, are the ARN, each piece but the last ending on a separator
        var start = lines.Select((line, index) => (line, index)).First(entry => entry.line.Contains("arn:", StringComparison.Ordinal));
        var column = start.line.IndexOf("arn:", StringComparison.Ordinal);
        var pieces = new List<string>();
        foreach (var line in lines.Skip(start.index).TakeWhile(_ => string.Concat(pieces).Length < Arn.Length))
        {
            pieces.Add(line[column..].Split(' ')[0]);
        }

        Assert.True(pieces.Count > 1);
        Assert.Equal(Arn, string.Concat(pieces));
        Assert.All(pieces.SkipLast(1), piece => Assert.Contains(piece[^1], "/.:"));
    }

    [Theory]
    [InlineData("80", 120, 80)]
    [InlineData(null, 120, 120)]
    [InlineData("wide", null, TerminalWidth.WithoutTerminal)]
    [InlineData(null, null, TerminalWidth.WithoutTerminal)]
    public void The_width_is_COLUMNS_else_the_terminal_else_132(string? columns, int? terminal, int expected) =>
        Assert.Equal(expected, TerminalWidth.Of(name => name == "COLUMNS" ? columns : null, () => terminal));

    [Theory]
    [InlineData("module.db.aws_neptune_cluster.this[0]", 12, "module.db.|aws_neptune_|cluster.|this[0]")]
    [InlineData("abcdefghijkl", 5, "abcde|fghij|kl")]
    [InlineData("a/b", 10, "a/b")]
    public void Identifiers_break_after_a_separator_and_only_a_run_without_one_is_cut(string identifier, int width, string expected) =>
        Assert.Equal(expected, string.Join('|', IdentifierBreaks.Lines(identifier, width)));
}
