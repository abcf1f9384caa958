using System.Text.RegularExpressions;
using Kagi.Core.Rules;

namespace Kagi.Reporting.Tests;

public sealed class HtmlReportWriterTests
{
    [Fact]
    public void Output_matches_the_golden_file()
    {
        Golden.Assert("report.en.html.txt", Golden.Write(new HtmlReportWriter(), SampleReport.Create()));
    }

    [Fact]
    public void Hostile_names_are_encoded_in_text_and_in_attributes()
    {
        var html = Golden.Write(new HtmlReportWriter(), MixedReport.Create());

        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void The_report_is_self_contained_and_pins_its_only_script_and_style_by_hash()
    {
        var html = Golden.Write(new HtmlReportWriter(), SampleReport.Create());

        Assert.Matches("default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'", html);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        Assert.DoesNotMatch(@"\son[a-z]+=", html);
    }

    [Fact]
    public void Headless_chromium_shows_injected_markup_as_text_and_runs_only_the_reports_script()
    {
        // Given the report of a scan with an <img onerror> and a <script> resource name and key alias, saved to a file
        var directory = Directory.CreateTempSubdirectory("kagi-html-");
        try
        {
            var report = MixedReport.Create();
            var file = Path.Combine(directory.FullName, "report.html");
            File.WriteAllText(file, Golden.Write(new HtmlReportWriter(), report));

            // When Chromium loads it and runs its scripts
            var dom = Chromium.DumpDom(file);

            // Then the report's own script ran under the CSP, and the injected markup is only text
            Assert.Contains("data-ready=\"true\"", dom, StringComparison.Ordinal);
            Assert.Matches($"<span id=\"f-count\"[^>]*>{report.Findings.Count} of {report.Findings.Count} shown</span>", dom);
            Assert.Contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt;", dom, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", dom, StringComparison.Ordinal);
            Assert.Contains("alias/&lt;script&gt;alert('key')&lt;/script&gt;", dom, StringComparison.Ordinal);
            Assert.DoesNotContain("<img", dom, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("pwned</title>", dom, StringComparison.Ordinal);
            Assert.Single(Regex.Matches(dom, "<script>"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_filter_in_the_link_hides_every_other_row()
    {
        var report = MixedReport.Create();
        var directory = Directory.CreateTempSubdirectory("kagi-html-");
        try
        {
            var file = Path.Combine(directory.FullName, "report.html");
            File.WriteAllText(file, Golden.Write(new HtmlReportWriter(), report));

            var dom = Chromium.DumpDom(file, "#status=FAIL&q=hostile");

            var rows = Regex.Matches(dom, "<tr class=\"finding\" data-status=\"([A-Z]+)\"[^>]*?( hidden=\"\")?>").ToList();
            Assert.Equal(report.Findings.Count, rows.Count);
            Assert.Equal(["FAIL", "FAIL"], rows.Where(row => !row.Groups[2].Success).Select(row => row.Groups[1].Value));
            Assert.Matches($"<span id=\"f-count\"[^>]*>2 of {report.Findings.Count} shown</span>", dom);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Headless_chromium_renders_a_screenshot_of_the_japanese_report()
    {
        var directory = Directory.CreateTempSubdirectory("kagi-html-");
        var screenshot = Path.Combine(Path.GetTempPath(), "kagi-report-screenshot.png");
        try
        {
            var file = Path.Combine(directory.FullName, "report.html");
            File.WriteAllText(file, Golden.Write(new HtmlReportWriter(), MixedReport.Create(Language.Ja)));
            File.Delete(screenshot);

            Chromium.Screenshot(file, screenshot);

            // A blank page compresses to a few kilobytes; the summary, charts and table do not.
            Assert.True(new FileInfo(screenshot).Length > 30_000, $"the screenshot {screenshot} looks blank");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Japanese_report_is_marked_ja_and_translated()
    {
        var html = Golden.Write(new HtmlReportWriter(), SampleReport.Create(Language.Ja));

        Assert.Contains("<html lang=\"ja\">", html, StringComparison.Ordinal);
        Assert.Contains("重大度別の不合格", html, StringComparison.Ordinal);
        Assert.Contains("コンソール", html, StringComparison.Ordinal);
    }
}
