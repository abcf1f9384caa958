using System.Text.Json;
using Kagi.Testing;

namespace Kagi.Cli.Tests;

/// <summary>What a scan's command line accepts: a mistyped option is bad usage before any scan, and filters narrow only the report.</summary>
public sealed class ScanArgumentsTests
{
    [Theory]
    [InlineData("scan", "iac", "EXAMPLES", "--severit", "high")]
    [InlineData("scan", "inventory", "--inventroy")]
    [InlineData("rules", "show", "-x")]
    [InlineData("findings", "mute", "--pattern", "--reason", "r")]
    public void An_unknown_option_is_bad_usage_not_a_path(params string[] args)
    {
        var (exitCode, output, error) = Kagi.Run([.. args.Select(arg => arg == "EXAMPLES" ? RepoPaths.Examples : arg)]);

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown option '-", error, StringComparison.Ordinal);

        // Nothing was scanned: no summary, no report.
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void A_folder_whose_name_begins_with_a_dash_is_scanned_when_given_by_its_path()
    {
        var dashed = Directory.CreateTempSubdirectory("kagi-dash-").CreateSubdirectory("-stack").FullName;
        File.Copy(Path.Combine(RepoPaths.Examples, "unencrypted", "main.tf"), Path.Combine(dashed, "main.tf"));

        var (exitCode, output, _) = Kagi.Run("scan", "iac", dashed, "--format", "json");

        Assert.Equal(1, exitCode);
        Assert.Contains("aws_neptune_cluster.legacy", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_and_status_narrow_the_report_but_not_the_exit_code()
    {
        var (allCode, all, _) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--no-store", "--format", "json");
        var (narrowCode, narrow, _) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--no-store", "--format", "json", "--severity", "high", "--status", "pass,unknown");

        var everything = Findings(all);
        var kept = Findings(narrow);

        // The examples have findings of every kind; the filter keeps exactly those at high or above that passed or were unknown.
        Assert.Contains(everything, finding => finding.Severity is "low" or "medium");
        Assert.Contains(everything, finding => finding.Status == "FAIL");
        var expected = everything.Where(finding => finding.Severity is "high" or "critical" && finding.Status is "PASS" or "UNKNOWN").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, kept);
        Assert.Equal(kept.Count(finding => finding.Status == "PASS"), Summary(narrow, "PASS"));
        Assert.Equal(0, Summary(narrow, "FAIL"));

        // The failures the report no longer shows still fail the run.
        Assert.Equal(1, allCode);
        Assert.Equal(allCode, narrowCode);
    }

    [Theory]
    [InlineData("--status", "failed")]
    [InlineData("--status", "1")]
    [InlineData("--severity", "urgent")]
    public void An_unknown_status_or_severity_is_bad_usage(string option, string value)
    {
        var (exitCode, output, error) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--no-store", option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(value, error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    private static List<(string Id, string Rule, string Severity, string Status)> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray().Select(finding => (
            finding.GetProperty("resource").GetProperty("id").GetString()!,
            finding.GetProperty("ruleId").GetString()!,
            finding.GetProperty("severity").GetString()!,
            finding.GetProperty("status").GetString()!))];
    }

    private static int Summary(string json, string status)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("summary").GetProperty(status).GetInt32();
    }
}
