using System.Text.Json;
using Kagi.Testing;

namespace Kagi.Cli.Tests;

public sealed class ScanIacCommandTests
{
    [Fact]
    public void Scanning_the_examples_gives_each_cluster_its_documented_verdict()
    {
        // When the README's first command runs, as JSON
        var (exitCode, output, _) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--format", "json");

        // Then failures make the exit code 1, and every example cluster has the verdict the README promises
        Assert.Equal(1, exitCode);
        var verdicts = Verdicts(output, "neptune-cluster-cmk-encryption");
        Assert.Equal("PASS", verdicts["aws_neptune_cluster.my_encrypted_neptune_cluster"]);
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.graph"]);
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.orders"]);
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.fraud"]);
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.legacy"]);
        Assert.Equal("PASS", verdicts["aws_neptune_cluster.payments"]);
        Assert.Equal("PASS", verdicts["aws_neptune_cluster.json_cmk"]);
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.json_default_key"]);
        Assert.Equal("UNKNOWN", verdicts["aws_neptune_cluster.analytics"]);
        Assert.Equal("FAIL", verdicts["AWS::Neptune::DBCluster.GraphOnAwsKey"]);
        Assert.Equal("PASS", verdicts["AWS::Neptune::DBCluster.GraphOnCmk"]);
        Assert.Equal(11, verdicts.Count);

        var encrypted = Verdicts(output, "neptune-cluster-storage-encrypted");
        Assert.Equal("FAIL", encrypted["aws_neptune_cluster.legacy"]);
        Assert.Equal(10, encrypted.Values.Count(status => status == "PASS"));
    }

    [Fact]
    public void Findings_point_at_the_file_and_line_of_the_resource()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--format", "json");

        using var json = JsonDocument.Parse(output);
        var legacy = json.RootElement.GetProperty("findings").EnumerateArray()
            .First(f => f.GetProperty("resource").GetProperty("id").GetString() == "aws_neptune_cluster.legacy");
        var location = legacy.GetProperty("resource").GetProperty("location");
        Assert.EndsWith(Path.Combine("examples", "unencrypted", "main.tf"), location.GetProperty("file").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, location.GetProperty("line").GetInt32());
    }

    [Fact]
    public void The_hsm_bar_fails_a_plain_cmk_and_passes_a_cloudhsm_key()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--format", "json", "--min-key-level", "hsm");

        var verdicts = Verdicts(output, "neptune-cluster-cmk-encryption");
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.my_encrypted_neptune_cluster"]);
        Assert.Equal("PASS", verdicts["aws_neptune_cluster.payments"]);
    }

    [Fact]
    public void Japanese_output_speaks_japanese()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", Path.Combine(RepoPaths.Examples, "no-kms-key"), "--lang", "ja");

        Assert.Contains("カスタマー管理キー", output, StringComparison.Ordinal);
        Assert.Contains("集計", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_does_not_parse_is_reported_with_its_line_and_the_rest_is_still_scanned()
    {
        // Given a folder with one broken file and one good cluster
        var directory = Directory.CreateTempSubdirectory("kagi-broken-");
        File.WriteAllText(Path.Combine(directory.FullName, "broken.tf"), "resource \"aws_neptune_cluster\" \"x\" {\n  storage_encrypted = \n}\n");
        File.WriteAllText(Path.Combine(directory.FullName, "good.tf"), "resource \"aws_neptune_cluster\" \"good\" {\n  storage_encrypted = true\n}\n");
        var other = Directory.CreateTempSubdirectory("kagi-other-");
        File.WriteAllText(Path.Combine(other.FullName, "main.tf"), "resource \"aws_neptune_cluster\" \"other\" {\n}\n");

        // When both folders are scanned
        var (exitCode, output, error) = Kagi.Run("scan", "iac", directory.FullName, other.FullName, "--format", "json");

        // Then the exit code says bad input, the error names file and line, and the other clusters are judged
        Assert.Equal(2, exitCode);
        Assert.Contains("broken.tf:2:", error, StringComparison.Ordinal);
        var verdicts = Verdicts(output, "neptune-cluster-storage-encrypted");
        Assert.Equal("PASS", verdicts["aws_neptune_cluster.good"]);
        Assert.Equal("FAIL", verdicts["aws_neptune_cluster.other"]);
    }

    [Fact]
    public void A_clean_scan_exits_zero()
    {
        // The seed article's example is clean for what the article covers: its key (other rules judge settings it leaves out).
        var (exitCode, _, _) = Kagi.Run(
            "scan", "iac", Path.Combine(RepoPaths.Examples, "seed-article"), "--rules", "neptune-cluster-storage-encrypted,neptune-cluster-cmk-encryption");

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void Fail_on_above_the_failures_severity_exits_zero()
    {
        var (exitCode, _, _) = Kagi.Run("scan", "iac", Path.Combine(RepoPaths.Examples, "no-kms-key"), "--fail-on", "critical");

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public void The_fix_of_one_finding_is_filled_in_for_that_cluster()
    {
        var (_, json, _) = Kagi.Run("scan", "iac", Path.Combine(RepoPaths.Examples, "no-kms-key"), "--format", "json");
        using var document = JsonDocument.Parse(json);
        var fingerprint = document.RootElement.GetProperty("findings").EnumerateArray()
            .First(f => f.GetProperty("status").GetString() == "FAIL" && f.GetProperty("ruleId").GetString() == "neptune-cluster-cmk-encryption")
            .GetProperty("fingerprint").GetString()!;

        var (_, output, _) = Kagi.Run("scan", "iac", Path.Combine(RepoPaths.Examples, "no-kms-key"), "--fix", fingerprint[..10]);

        Assert.Contains("\nOLD=graph-staging\n", output, StringComparison.Ordinal);
        Assert.Contains("\nREGION=ap-northeast-1\n", output, StringComparison.Ordinal);
        Assert.Contains("resource \"aws_neptune_cluster\" \"graph\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fix_of_a_passing_finding_says_there_is_nothing_to_fix()
    {
        var (_, json, _) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--format", "json");
        using var document = JsonDocument.Parse(json);
        var passed = document.RootElement.GetProperty("findings").EnumerateArray()
            .First(f => f.GetProperty("status").GetString() == "PASS" && f.GetProperty("ruleId").GetString() == "neptune-cluster-cmk-encryption");
        var fingerprint = passed.GetProperty("fingerprint").GetString()!;

        var (exitCode, output, _) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--fix", fingerprint[..12]);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{fingerprint[..12]} (neptune-cluster-cmk-encryption on {passed.GetProperty("resource").GetProperty("id").GetString()}) passed: there is nothing to fix.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("aws neptune", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan", "iac")]
    [InlineData("scan", "iac", "examples", "--format", "xml")]
    [InlineData("scan", "iac", "examples", "--min-key-level", "aws-managed")]
    [InlineData("scan", "iac", "examples", "--rules", "no-such-rule")]
    public void Bad_usage_exits_two_with_a_message(params string[] args)
    {
        var (exitCode, _, error) = Kagi.Run(args);

        Assert.Equal(2, exitCode);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void Several_formats_are_written_in_one_scan_each_to_its_own_place()
    {
        var directory = Directory.CreateTempSubdirectory("kagi-formats-").FullName;
        var json = Path.Combine(directory, "kagi.json");
        var sarif = Path.Combine(directory, "kagi.sarif");

        var (exitCode, output, _) = Kagi.Run(
            "scan", "iac", Path.Combine(RepoPaths.Examples, "no-kms-key"),
            "--format", "table", "--format", $"json={json}", "--format", "sarif", "--output", sarif);

        Assert.Equal(1, exitCode);
        Assert.Contains("aws_neptune_cluster.graph", output, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal("1", report.RootElement.GetProperty("schemaVersion").GetString());
        using var log = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
    }

    [Fact]
    public void Two_reports_on_standard_output_are_refused()
    {
        var (exitCode, _, error) = Kagi.Run("scan", "iac", RepoPaths.Examples, "--format", "json", "--format", "sarif");

        Assert.Equal(2, exitCode);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void A_missing_path_is_bad_input()
    {
        var (exitCode, _, error) = Kagi.Run("scan", "iac", "/nonexistent/kagi", "--format", "json");

        Assert.Equal(2, exitCode);
        Assert.Contains("/nonexistent/kagi", error, StringComparison.Ordinal);
    }

    // A fixture's YAML and JSON templates declare the same resources, whose IDs (TYPE.LogicalId) they share: they must agree.
    internal static Dictionary<string, string> Verdicts(string json, string ruleId)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == ruleId)
            .GroupBy(f => f.GetProperty("resource").GetProperty("id").GetString()!, f => f.GetProperty("status").GetString()!)
            .ToDictionary(group => group.Key, group => group.Distinct().Single());
    }

    [Fact]
    public void The_table_gives_the_rules_most_severe_first_and_no_line_ends_in_spaces()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", RepoPaths.Examples);

        var severities = System.Text.RegularExpressions.Regex.Matches(output, "(?m)^─+ (CRITICAL|HIGH|MEDIUM|LOW) ")
            .Select(match => Enum.Parse<global::Kagi.Core.Rules.Severity>(match.Groups[1].Value, ignoreCase: true)).ToList();
        Assert.Equal(4, severities.Distinct().Count());
        Assert.Equal(severities.OrderDescending(), severities);
        Assert.DoesNotContain(output.Split(Environment.NewLine), line => line.EndsWith(' '));
    }
}
