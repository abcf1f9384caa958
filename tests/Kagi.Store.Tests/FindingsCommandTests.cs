using System.Text.Json;
using System.Text.RegularExpressions;
using Kagi.Cli;
using Kagi.Testing;

namespace Kagi.Store.Tests;

/// <summary><c>kagi findings list|show|mutes</c> and <c>--fix</c> read from the store: what they show, in what order, and that they need no scan.</summary>
public sealed class FindingsCommandTests
{
    private const string Storage = "neptune-cluster-storage-encrypted";
    private const string Deletion = "neptune-cluster-deletion-protection";

    [Fact]
    public void Findings_list_sorts_by_severity_then_state_and_shows_when_seen_and_how_each_resolved()
    {
        // Given three clusters failing two rules, then a scan where one cluster is gone and one is encrypted
        var (store, _) = TwoScans();

        var table = CliTests.Run("findings", "list", "--store", store);
        var json = CliTests.Run("findings", "list", "--store", store, "--format", "json");

        // Then the table's rows are high before medium, and failing before resolved within a severity
        Assert.Equal(0, table.ExitCode);
        var lines = table.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^FINGERPRINT\s+STATE\s+SEVERITY\s+RULE\s+RESOURCE\s+ACCOUNT\s+REGION\s+RESULT\s+FIRST SEEN\s+LAST SEEN\s+MUTED$", lines[0]);
        var rows = lines.Skip(1).SkipLast(1).Select(line => Regex.Split(line, @"\s{2,}")).ToList();
        Assert.Equal(
            [
                ("OPEN", "high", "aws_neptune_cluster.still", "FAIL"),
                ("RESOLVED", "high", "aws_neptune_cluster.fixed", "PASS"),
                ("RESOLVED", "high", "aws_neptune_cluster.gone", "ABSENT"),
                ("OPEN", "medium", "aws_neptune_cluster.fixed", "FAIL"),
                ("OPEN", "medium", "aws_neptune_cluster.still", "FAIL"),
                ("RESOLVED", "medium", "aws_neptune_cluster.gone", "ABSENT"),
            ],
            rows.Select(row => (row[1], row[2], row[4], row[7])));

        // And Terraform findings have no account; first and last seen are the two scans' dates: the gone cluster was last seen in the first scan
        Assert.All(rows, row => Assert.Equal("-", row[5]));
        Assert.All(rows, row => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", row[8]));
        Assert.All(rows, row => Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", row[9]));
        Assert.EndsWith("6 findings", lines[^1], StringComparison.Ordinal);

        // And the JSON says how and when each resolved finding was resolved, in the same order
        using var document = JsonDocument.Parse(json.Output);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(rows.Select(row => row[4]), findings.Select(finding => finding.GetProperty("resource").GetProperty("id").GetString()));
        var gone = findings.First(finding => finding.GetProperty("resource").GetProperty("id").GetString() == "aws_neptune_cluster.gone");
        Assert.Equal("ABSENT", gone.GetProperty("resolution").GetProperty("result").GetString());
        Assert.Equal(gone.GetProperty("changed").GetProperty("scan").GetInt64(), gone.GetProperty("resolution").GetProperty("scan").GetInt64());
        Assert.True(gone.GetProperty("lastSeen").GetProperty("scan").GetInt64() < gone.GetProperty("resolution").GetProperty("scan").GetInt64());
        Assert.Equal(JsonValueKind.Null, findings[0].GetProperty("resolution").ValueKind);
    }

    [Fact]
    public void Findings_show_prints_one_stored_finding_with_its_fix_and_needs_nothing_but_the_store()
    {
        // Given a store of two scans, whose Terraform is then deleted
        var (store, folder) = TwoScans();
        var fingerprint = Fingerprint(store, "aws_neptune_cluster.still", Storage);
        var resolved = Fingerprint(store, "aws_neptune_cluster.gone", Storage);
        Directory.Delete(folder, recursive: true);

        var shown = CliTests.Run("findings", "show", fingerprint[..8], "--store", store);
        var japanese = CliTests.Run("findings", "show", fingerprint[..8], "--store", store, "--lang", "ja");
        var gone = CliTests.Run("findings", "show", resolved, "--store", store);

        // Then the open finding is shown with its state, when it was seen, and its fix filled in for that cluster
        Assert.Equal(0, shown.ExitCode);
        Assert.StartsWith("OPEN · high · first seen ", shown.Output, StringComparison.Ordinal);
        Assert.Contains($"== FAIL {Storage} · aws_neptune_cluster.still ({fingerprint})", shown.Output, StringComparison.Ordinal);
        Assert.Contains("-- Terraform", shown.Output, StringComparison.Ordinal);
        Assert.Contains(" still", shown.Output, StringComparison.Ordinal);
        Assert.Contains("初回検出", japanese.Output, StringComparison.Ordinal);
        Assert.Contains("-- リスク", japanese.Output, StringComparison.Ordinal);

        // And the resolved one says how it was resolved, and that there is nothing to fix
        Assert.Equal(0, gone.ExitCode);
        Assert.Contains("the resource was no longer found", gone.Output, StringComparison.Ordinal);
        Assert.Contains("is resolved: there is nothing to fix.", gone.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("==", gone.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000000000", "no stored finding's fingerprint starts with '0000000000'")]
    [InlineData("", "stored findings' fingerprints start with ''")]
    public void Findings_show_of_no_single_stored_finding_is_bad_usage(string prefix, string expected)
    {
        var (store, _) = TwoScans();

        var shown = CliTests.Run("findings", "show", prefix, "--store", store);

        Assert.Equal(ExitCodes.BadInput, shown.ExitCode);
        Assert.Contains(expected, shown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fix_of_a_stored_finding_neither_scans_nor_stores_a_scan()
    {
        // Given a store holding the finding, and its Terraform deleted since
        var (store, folder) = TwoScans();
        var fingerprint = Fingerprint(store, "aws_neptune_cluster.still", Storage);
        var scans = CliTests.Run("findings", "scans", "--store", store, "--format", "json").Output;
        Directory.Delete(folder, recursive: true);

        // When its fix is asked of the scan, and of a live scan whose endpoint answers nothing
        var iac = CliTests.Run("scan", "iac", folder, "--store", store, "--fix", fingerprint[..12]);
        var aws = CliTests.Run("scan", "aws", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:9", "--store", store, "--fix", fingerprint[..12]);

        // Then both print the stored fix, say where it came from, and store nothing
        foreach (var (exitCode, output, error) in new[] { iac, aws })
        {
            Assert.Equal(ExitCodes.Clean, exitCode);
            Assert.Contains($"== FAIL {Storage} · aws_neptune_cluster.still", output, StringComparison.Ordinal);
            Assert.Contains($"the fix of {fingerprint[..12]} as scan 2 (", error, StringComparison.Ordinal);
        }

        Assert.Equal(scans, CliTests.Run("findings", "scans", "--store", store, "--format", "json").Output);
    }

    [Fact]
    public void An_empty_mute_list_says_so_and_a_mute_until_a_date_shows_that_date()
    {
        var (store, _) = TwoScans();

        var empty = CliTests.Run("findings", "mutes", "--store", store);
        var emptyJa = CliTests.Run("findings", "mutes", "--store", store, "--lang", "ja");
        var mute = CliTests.Run("findings", "mute", Deletion, "--reason", "dev", "--until", "2027-03-31", "--by", "alice", "--store", store);
        var mutes = CliTests.Run("findings", "mutes", "--store", store);

        Assert.Equal("no mutes" + Environment.NewLine, empty.Output);
        Assert.Equal("ミュートはありません" + Environment.NewLine, emptyJa.Output);
        Assert.Contains("until 2027-03-31]", mute.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^1\s+active\s+rule\s+neptune-cluster-deletion-protection\s+dev\s+2027-03-31\s+alice\s", mutes.Output);
        Assert.DoesNotContain("2027-04-01", mutes.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(mutes.Output.Split(Environment.NewLine), line => line.EndsWith(' '));
    }

    // Scan 1: three clusters failing both rules. Scan 2: 'gone' removed, 'fixed' encrypted, 'still' unchanged.
    private static (string Store, string Folder) TwoScans()
    {
        var store = TestStores.NewLocation(StoreKind.Sqlite).ConnectionString;
        var folder = Directory.CreateTempSubdirectory("kagi-findings-").FullName;
        var main = Path.Combine(folder, "main.tf");
        File.WriteAllText(main, """
            resource "aws_neptune_cluster" "gone" { cluster_identifier = "gone" }
            resource "aws_neptune_cluster" "fixed" { cluster_identifier = "fixed" }
            resource "aws_neptune_cluster" "still" { cluster_identifier = "still" }
            """);
        Assert.Equal(ExitCodes.Failing, CliTests.Run("scan", "iac", folder, "--store", store, "--rules", $"{Storage},{Deletion}").ExitCode);
        File.WriteAllText(main, """
            resource "aws_neptune_cluster" "fixed" {
              cluster_identifier = "fixed"
              storage_encrypted  = true
            }
            resource "aws_neptune_cluster" "still" { cluster_identifier = "still" }
            """);
        Assert.Equal(ExitCodes.Failing, CliTests.Run("scan", "iac", folder, "--store", store, "--rules", $"{Storage},{Deletion}").ExitCode);
        return (store, folder);
    }

    private static string Fingerprint(string store, string resource, string rule)
    {
        using var document = JsonDocument.Parse(CliTests.Run("findings", "list", "--store", store, "--format", "json", "--rule", rule).Output);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Single(finding => finding.GetProperty("resource").GetProperty("id").GetString() == resource)
            .GetProperty("fingerprint").GetString()!;
    }
}
