using System.Text.Json;
using System.Xml.Linq;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Markdig;

namespace Kagi.Reporting.Tests;

/// <summary>Every format carries the resource's tags, and a hostile tag value is only ever text.</summary>
public sealed class TagOutputTests
{
    // The sample scan with its hostile cluster renamed: the tag value is then the only markup in it.
    private static ScanReport HostileTagOnly()
    {
        var sample = SampleReport.Create();
        return sample with
        {
            Findings = [.. sample.Findings.Select(finding => finding.Resource.Id == "aws_neptune_cluster.hostile"
                ? finding with { Resource = finding.Resource with { Name = Fact.Known("hostile-graph") } }
                : finding)],
        };
    }

    private static JsonElement FirstOf(JsonElement findings, Func<JsonElement, bool> match) => findings.EnumerateArray().First(match);

    [Fact]
    public void The_json_report_gives_each_resource_its_tags_and_null_when_they_are_unknown()
    {
        using var json = JsonDocument.Parse(Golden.Write(new JsonReportWriter(), HostileTagOnly()));
        var findings = json.RootElement.GetProperty("findings");

        var good = FirstOf(findings, f => f.GetProperty("resource").GetProperty("id").GetString() == "aws_neptune_cluster.good").GetProperty("resource").GetProperty("tags");
        var hostile = FirstOf(findings, f => f.GetProperty("resource").GetProperty("id").GetString() == "aws_neptune_cluster.hostile").GetProperty("resource").GetProperty("tags");
        var unknown = FirstOf(findings, f => f.GetProperty("resource").GetProperty("id").GetString() == "aws_neptune_cluster.literal").GetProperty("resource").GetProperty("tags");

        Assert.Equal("""{"env":"prod","owner":"team-a"}""", good.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal));
        Assert.Equal(SampleReport.HostileTagValue, hostile.GetProperty("owner").GetString());
        Assert.Equal(JsonValueKind.Null, unknown.ValueKind);
    }

    [Fact]
    public void Sarif_ocsf_and_asff_carry_the_tags_as_maps_of_their_own()
    {
        var report = HostileTagOnly();
        using var sarif = JsonDocument.Parse(Golden.Write(new SarifReportWriter(), report));
        using var ocsf = JsonDocument.Parse(Golden.Write(new OcsfReportWriter(), report));
        using var asff = JsonDocument.Parse(Golden.Write(new AsffReportWriter(), report));

        var result = FirstOf(sarif.RootElement.GetProperty("runs")[0].GetProperty("results"), r => r.GetProperty("properties").GetProperty("resourceId").GetString() == "aws_neptune_cluster.hostile");
        Assert.Equal(SampleReport.HostileTagValue, result.GetProperty("properties").GetProperty("resourceTags").GetProperty("owner").GetString());
        var detection = FirstOf(ocsf.RootElement, f => f.GetProperty("resources")[0].GetProperty("uid").GetString() == "aws_neptune_cluster.good");
        Assert.Equal(["env=prod", "owner=team-a"], detection.GetProperty("resources")[0].GetProperty("tags").EnumerateArray().Select(tag => $"{tag.GetProperty("name").GetString()}={tag.GetProperty("value").GetString()}"));
        var security = FirstOf(asff.RootElement, f => f.GetProperty("Resources")[0].GetProperty("Id").GetString() == "aws_neptune_cluster.hostile");
        Assert.Equal(SampleReport.HostileTagValue, security.GetProperty("Resources")[0].GetProperty("Tags").GetProperty("owner").GetString());
    }

    [Fact]
    public void Csv_junit_and_markdown_list_the_tags_as_key_value_pairs()
    {
        var report = HostileTagOnly();

        var csv = Golden.Write(new CsvReportWriter(), report);
        // tags keeps its column; only account_name, added later, follows it (empty: this scan named no account).
        Assert.EndsWith("\"tags\",\"account_name\"", csv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains("\"env=prod;owner=team-a\",\"\"\r\n", csv, StringComparison.Ordinal);

        var junit = XDocument.Parse(Golden.Write(new JunitReportWriter(), report));
        Assert.Contains(junit.Descendants("failure"), failure => failure.Value.Contains($"tags: owner={SampleReport.HostileTagValue}", StringComparison.Ordinal));

        var html = Markdown.ToHtml(Golden.Write(new MarkdownReportWriter(), report), new MarkdownPipelineBuilder().UsePipeTables().Build());
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("owner=&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_html_report_shows_a_hostile_tag_value_as_text()
    {
        var html = Golden.Write(new HtmlReportWriter(), HostileTagOnly());

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("<small class=\"tags\">owner=&lt;script&gt;alert(1)&lt;/script&gt;</small>", html, StringComparison.Ordinal);
        Assert.Contains("<small class=\"tags\">env=prod;owner=team-a</small>", html, StringComparison.Ordinal);
    }
}
