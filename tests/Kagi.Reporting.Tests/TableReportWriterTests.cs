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
        var text = Write(Language.En);

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
}
