using System.Text.Json;
using Kagi.Core.Rules;

namespace Kagi.Reporting.Tests;

public sealed class JsonReportWriterTests
{
    [Fact]
    public void Output_matches_the_golden_file()
    {
        var actual = Write(Language.En);
        var golden = Path.Combine(SampleReport.GoldenDirectory(), "report.en.json.txt");
        if (Environment.GetEnvironmentVariable("KAGI_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }

        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void Output_follows_the_design_contract()
    {
        using var json = JsonDocument.Parse(Write(Language.En));
        var root = json.RootElement;

        Assert.Equal("1", root.GetProperty("schemaVersion").GetString());
        Assert.Equal("kagi", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.Equal("iac", root.GetProperty("scan").GetProperty("source").GetString());
        Assert.Equal("2026-11-29T03:00:00.0000000+00:00", root.GetProperty("scan").GetProperty("startedAt").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(10, findings.Count);
        foreach (var finding in findings)
        {
            foreach (var field in new[] { "ruleId", "status", "severity", "title", "message" })
            {
                Assert.False(string.IsNullOrEmpty(finding.GetProperty(field).GetString()), field);
            }

            Assert.Contains(finding.GetProperty("status").GetString(), new[] { "PASS", "FAIL", "ERROR", "MUTED", "UNKNOWN" });
            var resource = finding.GetProperty("resource");
            Assert.StartsWith("aws_neptune_cluster.", resource.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.Equal("examples/app/main.tf", resource.GetProperty("location").GetProperty("file").GetString());
            Assert.True(resource.GetProperty("location").GetProperty("line").GetInt32() > 0);
            var remediation = finding.GetProperty("remediation");
            if (finding.GetProperty("status").GetString() == "PASS")
            {
                Assert.Equal(JsonValueKind.Null, remediation.ValueKind);
                continue;
            }

            Assert.All(new[] { "console", "cli", "terraform" }, kind => Assert.False(string.IsNullOrEmpty(remediation.GetProperty(kind).GetString())));
        }

        var summary = root.GetProperty("summary");
        Assert.Equal(findings.Count, new[] { "PASS", "FAIL", "ERROR", "MUTED", "UNKNOWN" }.Sum(s => summary.GetProperty(s).GetInt32()));
        Assert.Equal(1, summary.GetProperty("MUTED").GetInt32());
        Assert.Equal(1, summary.GetProperty("UNKNOWN").GetInt32());
    }

    [Fact]
    public void Japanese_stays_readable_and_hostile_names_round_trip_exactly()
    {
        var text = Write(Language.Ja);

        Assert.Contains("カスタマー管理キー", text, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(text);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("resource").GetProperty("name").GetString() == "<script>alert(1)</script>");
    }

    private static string Write(Language language)
    {
        using var output = new StringWriter();
        new JsonReportWriter().Write(SampleReport.Create(language), output);
        return output.ToString();
    }
}
