using System.Text.Json;

namespace Kagi.Cli.Tests;

/// <summary>
/// A pull request's Terraform that reads files beside the scanned folder, or the CI job's environment, puts none of
/// it into any report: each such value is unknown, and the verdicts that depend on it say why.
/// </summary>
public sealed class ScanIacTrustTests : IDisposable
{
    private const string Canary = "CANARY-7d41a3c0-do-not-leak";

    private const string Rule = "neptune-cluster-cmk-encryption";

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kagi-trust-");

    public ScanIacTrustTests()
    {
        Directory.CreateDirectory(ScanFolder);
        Directory.CreateDirectory(OutsideFolder);
        File.WriteAllText(Path.Combine(OutsideFolder, "secret.txt"), Canary);
        File.WriteAllText(Path.Combine(OutsideFolder, "key.txt"), "alias/outside-key");
        File.WriteAllText(Path.Combine(OutsideFolder, "managed.txt"), "alias/aws/rds");
        File.WriteAllText(Path.Combine(ScanFolder, "main.tf"), string.Concat(
            Cluster("sibling", "file(\"../outside/secret.txt\")"),
            Cluster("absolute", $"file(\"{Path.Combine(OutsideFolder, "secret.txt")}\")"),
            Cluster("template", $"templatefile(\"{Path.Combine(OutsideFolder, "secret.txt")}\", {{}})"),
            Cluster("environ", "replace(file(\"/proc/self/environ\"), \"\\u0000\", \";\")"),
            Cluster("allowed", "file(\"../outside/key.txt\")"),
            Cluster("managed", "file(\"../outside/managed.txt\")")));
    }

    public static TheoryData<string> Formats => ["table", "json", "sarif", "ocsf", "asff", "csv", "junit", "html", "md"];

    private string ScanFolder => Path.Combine(_directory.FullName, "scan");

    private string OutsideFolder => Path.Combine(_directory.FullName, "outside");

    // The longest variable of the test's own environment, as /proc/self/environ shows it to the scan.
    private static string EnvironmentCanary =>
        File.ReadAllText("/proc/self/environ").Split('\0').MaxBy(variable => variable.Length)!;

    public void Dispose() => _directory.Delete(recursive: true);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Given_reads_outside_the_scanned_folder_when_reported_in_any_format_then_neither_the_file_nor_the_environment_appears(string format)
    {
        // Given clusters whose key ARN is built from a sibling file and from the process environment
        // When the folder is reported in this format
        var (exitCode, output, error) = Kagi.Run("scan", "iac", ScanFolder, "--format", format);

        // Then the scan went through, and neither secret is in anything it printed
        Assert.True(exitCode is 0 or 1, $"exit code {exitCode}: {error}");
        Assert.Contains("sibling", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain(EnvironmentCanary, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_reads_outside_the_scanned_folder_when_judged_then_each_cluster_is_unknown_and_says_why()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", ScanFolder, "--format", "json", "--rules", Rule);

        var findings = Findings(output);
        Assert.Equal(6, findings.Count);
        Assert.All(findings.Values, finding => Assert.Equal("UNKNOWN", finding.Status));
        Assert.Contains("file(\"../outside/secret.txt\") reads outside the scanned folder", findings["sibling"].Message, StringComparison.Ordinal);
        Assert.Contains("file(\"/proc/self/environ\") reads outside the scanned folder", findings["environ"].Message, StringComparison.Ordinal);
        Assert.Contains("reads outside the scanned folder", findings["absolute"].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_allow_outside_when_the_sibling_folder_is_allowed_then_its_files_are_read_and_the_fix_command_repeats_it()
    {
        var (_, output, _) = Kagi.Run("scan", "iac", ScanFolder, "--format", "json", "--rules", Rule, "--allow-outside", OutsideFolder);

        var findings = Findings(output);
        Assert.Equal("PASS", findings["allowed"].Status);
        Assert.Equal("FAIL", findings["managed"].Status);
        Assert.Equal("UNKNOWN", findings["environ"].Status);

        // The command printed to show a failure's fix scans with the same allowance
        var (_, table, _) = Kagi.Run("scan", "iac", ScanFolder, "--rules", Rule, "--allow-outside", OutsideFolder);
        Assert.Contains("--allow-outside", table, StringComparison.Ordinal);
    }

    private static string Cluster(string name, string keySuffix) => $$"""
        resource "aws_neptune_cluster" "{{name}}" {
          cluster_identifier = "{{name}}"
          storage_encrypted  = true
          kms_key_arn        = "arn:aws:kms:us-east-1:111122223333:${{{keySuffix}}}"
        }

        """;

    private static Dictionary<string, (string Status, string Message)> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(
            f => f.GetProperty("resource").GetProperty("id").GetString()!["aws_neptune_cluster.".Length..],
            f => (f.GetProperty("status").GetString()!, f.GetProperty("message").GetString()!));
    }
}
