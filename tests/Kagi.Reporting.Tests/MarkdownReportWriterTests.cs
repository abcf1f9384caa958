using System.Text.RegularExpressions;
using System.Xml.Linq;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Markdig;

namespace Kagi.Reporting.Tests;

public sealed class MarkdownReportWriterTests
{
    private static readonly MarkdownPipeline GitHubLike = new MarkdownPipelineBuilder().UsePipeTables().Build();

    [Fact]
    public void Output_matches_the_golden_file()
    {
        Golden.Assert("report.en.md.txt", Golden.Write(new MarkdownReportWriter(), SampleReport.Create()));
    }

    [Fact]
    public void A_markdown_renderer_sees_the_counts_table_and_one_collapsed_section_per_finding_needing_attention()
    {
        // Given a scan with every status and a resource ID holding a pipe, a backtick and quotes
        var report = MixedReport.Create();

        // When Markdig renders the comment as GitHub would (pipe tables, raw HTML blocks)
        var html = Markdown.ToHtml(Golden.Write(new MarkdownReportWriter(), report), GitHubLike);

        // Then the counts table has one row per status and each finding that needs attention has its details
        var table = XElement.Parse(html[html.IndexOf("<table>", StringComparison.Ordinal)..(html.IndexOf("</table>", StringComparison.Ordinal) + 8)]);
        Assert.Equal(5, table.Descendants("tbody").Single().Elements("tr").Count());
        Assert.All(table.Descendants("tr"), row => Assert.Equal(2, row.Elements().Count()));
        Assert.Equal(report.Findings.Count(f => f.Status != ResultStatus.Pass), CountOf(html, "<details>"));
        Assert.Contains("a&#124;b&#96;c", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_and_failures_come_before_unknown_and_muted_and_passes_are_only_counted()
    {
        var text = Golden.Write(new MarkdownReportWriter(), MixedReport.Create());

        var error = text.IndexOf("<b>ERROR</b>", StringComparison.Ordinal);
        var fail = text.IndexOf("<b>FAIL</b>", StringComparison.Ordinal);
        var unknown = text.IndexOf("<b>UNKNOWN</b>", StringComparison.Ordinal);
        var muted = text.IndexOf("<b>MUTED</b>", StringComparison.Ordinal);
        Assert.True(error >= 0 && error < fail && fail < unknown && unknown < muted, "ERROR, FAIL, UNKNOWN, MUTED in that order");
        Assert.DoesNotContain("<b>PASS</b>", text, StringComparison.Ordinal);
        Assert.Contains("```hcl", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mentions_issue_references_and_urls_from_values_render_as_no_link_and_no_mention()
    {
        // Given a resource whose name pings a team, refers to an issue and carries links of every autolinked form
        const string name = "@octocat @org/team #12 https://evil.example/x www.evil.example mailto:a@b.example ftp://f.example c@d.example";
        var sample = SampleReport.Create();
        var fail = sample.Findings.First(finding => finding.Status == ResultStatus.Fail);
        var hostile = fail with { Resource = fail.Resource with { Id = name, Name = Fact.Known(name) } };
        var report = sample with { Findings = [hostile], Targets = [name] };

        // When Markdig renders the comment with every extension, autolinks included
        var html = Markdown.ToHtml(Golden.Write(new MarkdownReportWriter(), report), new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build());

        // Then there is no link, and outside code blocks no '@', '#' or scheme is directly followed by what GitHub would
        // make a mention, an issue reference or a link of
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        var prose = System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, "<pre>.*?</pre>", string.Empty, RegexOptions.Singleline), "<[^>]*>", string.Empty));
        Assert.DoesNotMatch(@"@[A-Za-z0-9]|#[0-9]|://|www\.|mailto:", prose);
        Assert.Contains("@\u2060octocat", prose, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_containing_backtick_fences_cannot_close_its_block()
    {
        Assert.Equal("````sh\necho ```\n````\n", MarkdownText.Fence("echo ```\n", "sh"));
    }

    [Fact]
    public void Japanese_comment_is_translated()
    {
        var text = Golden.Write(new MarkdownReportWriter(), SampleReport.Create(Language.Ja));

        Assert.Contains("| 結果 | 件数 |", text, StringComparison.Ordinal);
        Assert.Contains("Terraform での修復", text, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
