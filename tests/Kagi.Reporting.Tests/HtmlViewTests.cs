using System.Text.RegularExpressions;
using Kagi.Reporting.Html;
using Kagi.Testing;

namespace Kagi.Reporting.Tests;

/// <summary>The Razor views that write the report and the dashboard: encoded by default, raw markup only where reviewed.</summary>
public sealed partial class HtmlViewTests
{
    [Fact]
    public void A_view_encodes_hostile_text_and_attributes_and_leaves_japanese_readable()
    {
        var html = HtmlView.Render<BarChart>(new Dictionary<string, object?>
        {
            [nameof(BarChart.Caption)] = "重大度別 \"><img src=x onerror=alert(1)>",
            [nameof(BarChart.Bars)] = new[] { new ChartBar("<script>alert(1)</script>", 3, "x\" onmouseover=\"alert(1)") },
        });

        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\" onmouseover", html, StringComparison.Ordinal);
        Assert.Contains("<text x=\"0\" y=\"16\">&lt;script&gt;alert(1)&lt;/script&gt;</text>", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"重大度別 &quot;&gt;&lt;img src=x onerror=alert(1)&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markup_is_taken_unencoded_only_in_the_reviewed_places()
    {
        // Each of these holds markup Kagi built itself (assets, the CSP, the remediation tabs); a new one needs the same review.
        string[] reviewed = ["FixTabs.razor", "HtmlReport.razor", "HtmlReportWriter.cs"];

        var raw = Directory.EnumerateFiles(RepoPaths.Combine("src"), "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".razor", StringComparison.Ordinal) || file.EndsWith(".cs", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => RawMarkup().IsMatch(File.ReadAllText(file)))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(reviewed, raw);
    }

    [GeneratedRegex(@"MarkupString|AddMarkupContent|WebUtility\.HtmlDecode")]
    private static partial Regex RawMarkup();
}
