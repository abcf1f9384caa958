using System.Text.Json;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Reporting.Tests;

public sealed class SarifReportWriterTests
{
    [Fact]
    public void Output_matches_the_golden_file()
    {
        Golden.Assert("report.en.sarif.txt", Golden.Write(new SarifReportWriter(), SampleReport.Create()));
    }

    [Fact]
    public void Microsoft_sarif_multitool_validates_the_output_without_errors()
    {
        // Given real output with every status, a live resource, a hostile name and a parse error
        var tool = SarifMultitool();
        var directory = Directory.CreateTempSubdirectory("kagi-sarif-");
        try
        {
            var file = Path.Combine(directory.FullName, "kagi.sarif");
            File.WriteAllText(file, Golden.Write(new SarifReportWriter(), MixedReport.Create()));

            // When the Microsoft validator checks it against the schema and its SARIF and GitHub rules
            var (exitCode, output) = RepoTools.Run(tool, ["validate", file, "--rule-kind", "Sarif;Gh"], TimeSpan.FromMinutes(2));

            // Then it reports no error
            Assert.True(exitCode == 0, $"sarif-multitool exited {exitCode}:\n{output}");
            Assert.Contains("Analysis completed successfully", output, StringComparison.Ordinal);
            Assert.DoesNotContain(": error ", output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Each_rule_carries_help_and_a_github_security_severity()
    {
        using var sarif = Parse(MixedReport.Create());
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.Equal(["neptune-cluster-cmk-encryption", "neptune-cluster-storage-encrypted"], rules.Select(rule => rule.GetProperty("id").GetString()));
        var cmk = rules[0];
        Assert.Equal("8.0", cmk.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Equal("security", cmk.GetProperty("properties").GetProperty("tags")[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(cmk.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.Contains("```hcl", cmk.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Contains("aws_kms_key", cmk.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Passing_results_are_left_out_and_the_others_get_their_level()
    {
        var report = MixedReport.Create();
        using var sarif = Parse(report);
        var results = Results(sarif);

        Assert.Equal(report.Findings.Count(finding => finding.Status != ResultStatus.Pass), results.Count);
        Assert.DoesNotContain(results, result => result.GetProperty("properties").GetProperty("status").GetString() == "PASS");
        Assert.All(results.Where(r => Status(r) == "UNKNOWN"), result => Assert.Equal("note", result.GetProperty("level").GetString()));
        Assert.All(results.Where(r => Status(r) == "FAIL"), result => Assert.Equal("error", result.GetProperty("level").GetString()));
        Assert.Single(results, result => Status(result) == "ERROR");
    }

    [Fact]
    public void Terraform_results_point_at_file_line_and_column_and_live_ones_at_the_arn()
    {
        using var sarif = Parse(MixedReport.Create());
        var results = Results(sarif);

        var img = results.Single(result => ResourceId(result) == "aws_neptune_cluster.img");
        var physical = img.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("examples/app/main.tf", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(60, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(3, physical.GetProperty("region").GetProperty("startColumn").GetInt32());

        var live = results.Single(result => ResourceId(result) == MixedReport.LiveArn).GetProperty("locations")[0];
        Assert.False(live.TryGetProperty("physicalLocation", out _));
        Assert.Equal(MixedReport.LiveArn, live.GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString());
    }

    [Fact]
    public void Absolute_paths_become_forward_slash_uris_relative_to_the_base_directory()
    {
        var report = SampleReport.Create();
        var root = Path.Combine(Path.GetTempPath(), "repo");
        var moved = report with
        {
            Findings = [.. report.Findings.Select(f => f with { Resource = f.Resource with { Location = new Core.Model.SourceLocation(Path.Combine(root, "infra", "my db.tf"), 4) } })],
        };

        using var sarif = JsonDocument.Parse(Golden.Write(new SarifReportWriter { BaseDirectory = root }, moved));

        var uri = Results(sarif)[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        Assert.Equal("infra/my%20db.tf", uri);
    }

    [Fact]
    public void Fingerprints_are_stable_and_muted_findings_are_suppressed_in_source_with_the_reason()
    {
        var first = Results(Parse(SampleReport.Create()));
        var second = Results(Parse(SampleReport.Create(Language.Ja)));

        Assert.Equal(
            first.Select(r => r.GetProperty("partialFingerprints").GetProperty("kagiFingerprint/v1").GetString()),
            second.Select(r => r.GetProperty("partialFingerprints").GetProperty("kagiFingerprint/v1").GetString()));
        var muted = first.Single(result => Status(result) == "MUTED");
        var suppression = muted.GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("migrating in Q3", suppression.GetProperty("justification").GetString());
        Assert.All(first.Where(r => Status(r) != "MUTED"), result => Assert.False(result.TryGetProperty("suppressions", out _)));
    }

    // The package's bin.js re-runs the native tool through a shell, which would split "Sarif;Gh"; ask the package for the tool's path instead.
    private static string SarifMultitool()
    {
        var package = Path.Combine(RepoPaths.Root, "tools", "sarif", "node_modules", "@microsoft", "sarif-multitool");
        Assert.True(Directory.Exists(package), $"the SARIF validator is not installed in {package}: run 'npm ci --prefix tools/sarif'");
        var (exitCode, output) = RepoTools.Run("node", ["-p", $"require({JsonSerializer.Serialize(package)})"], TimeSpan.FromSeconds(30));
        Assert.True(exitCode == 0 && File.Exists(output.Trim()), $"@microsoft/sarif-multitool has no native tool for this platform:\n{output}");
        return output.Trim();
    }

    private static JsonDocument Parse(Kagi.Core.Findings.ScanReport report) =>
        JsonDocument.Parse(Golden.Write(new SarifReportWriter(), report));

    private static List<JsonElement> Results(JsonDocument sarif) =>
        [.. sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()];

    private static string? Status(JsonElement result) => result.GetProperty("properties").GetProperty("status").GetString();

    private static string? ResourceId(JsonElement result) => result.GetProperty("properties").GetProperty("resourceId").GetString();
}
