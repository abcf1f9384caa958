using System.Text.Json;
using Kagi.Aws.Tests.Fake;
using Kagi.Cli;
using Kagi.Testing;

namespace Kagi.Aws.Tests.Cli;

/// <summary>The fake with every scenario, for command-line runs.</summary>
public sealed class FakeEndpoint : IAsyncLifetime
{
    public FakeAws Fake { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ExternalProcess.UseDummyCredentials();
        Fake = await FakeAws.StartAsync(Scenarios.All());
    }

    public async Task DisposeAsync() => await Fake.DisposeAsync();
}

public sealed class ScanAwsCommandTests : IClassFixture<FakeEndpoint>
{
    private readonly string _endpoint;

    public ScanAwsCommandTests(FakeEndpoint fake) => _endpoint = fake.Fake.Endpoint.ToString();

    [Fact]
    public void Scanning_all_regions_prints_verdicts_errors_and_exits_one()
    {
        // When every region of the account is scanned, as JSON
        var (exitCode, output, error) = Kagi("scan", "aws", "--endpoint-url", _endpoint, "--all-regions", "--format", "json");

        // Then failures and unread regions make the exit code 1, and each is in the report
        Assert.Equal(1, exitCode);
        var findings = Findings(output);
        Assert.Equal("FAIL", findings[("neptune-cluster-cmk-encryption", "arn:aws:rds:eu-west-1:111122223333:cluster:fail_aws_managed")]);
        Assert.Equal("PASS", findings[("neptune-cluster-cmk-encryption", "arn:aws:rds:eu-west-1:111122223333:cluster:pass_cloudhsm")]);
        Assert.Equal("UNKNOWN", findings[("neptune-cluster-cmk-encryption", "arn:aws:rds:eu-west-1:111122223333:cluster:unknown_cross_account_denied")]);
        Assert.Equal("ERROR", findings[("neptune-cluster-cmk-encryption", "arn:aws:rds:ap-northeast-1:111122223333:cluster:*")]);
        Assert.Equal("ERROR", findings[("neptune-cluster-storage-encrypted", "arn:aws:rds:ap-northeast-1:111122223333:cluster:*")]);

        // And without a terminal, progress is plain lines on standard error
        Assert.Contains("kagi: scanning eu-central-1", error, StringComparison.Ordinal);
        // Each kind is counted apart: Neptune clusters apart from their snapshots, keys apart from both
        var verdicts = Scenarios.All()[Scenarios.Verdicts];
        var verdictsLine = FinishedLine(error, Scenarios.Verdicts);
        Assert.Contains($" {verdicts.Clusters.Count(cluster => cluster.Engine == "neptune")} Neptune::DBCluster, ", verdictsLine, StringComparison.Ordinal);
        Assert.Matches(@" [1-9][0-9]* Neptune::DBClusterSnapshot[,;]", verdictsLine);
        Assert.DoesNotContain("resources", verdictsLine, StringComparison.Ordinal);
        var pagingLine = FinishedLine(error, Scenarios.Paging);
        Assert.Contains($" {Scenarios.PagingClusters} Neptune::DBCluster, ", pagingLine, StringComparison.Ordinal);
        Assert.Contains($" {Scenarios.PagingKeys} KMS::Key, ", pagingLine, StringComparison.Ordinal);
    }

    [Fact]
    public void A_japanese_live_scan_reports_its_progress_and_findings_in_japanese()
    {
        // When a region that reads, and regions where calls are denied, throttled, cut short, fail or find KMS down, are
        // scanned in Japanese
        var (_, output, error) = Kagi(
            "scan", "aws", "--endpoint-url", _endpoint, "--lang", "ja", "--region", Scenarios.Verdicts, "--region", Scenarios.Denied,
            "--region", Scenarios.Throttled, "--region", Scenarios.Truncated, "--region", Scenarios.Unavailable, "--region", Scenarios.KmsDown);

        // Then the progress lines and the table, UNKNOWN reasons and ERROR summaries included, hold no English sentence
        // of Kagi's own; excused are the rules' texts and the fix command
        Assert.Contains($"kagi: {Scenarios.Verdicts} をスキャンしています", error, StringComparison.Ordinal);
        Assert.Contains("が失敗しました: アクセスが拒否されました", output, StringComparison.Ordinal);
        Assert.Empty(JapaneseOutput.EnglishLines(error + output, JapaneseOutput.RuleTexts().Append("kagi scan aws")));
    }

    [Fact]
    public void An_unread_region_fails_the_scan_unless_an_incomplete_scan_is_allowed()
    {
        var (strict, _, _) = Kagi("scan", "aws", "--endpoint-url", _endpoint, "--region", Scenarios.Denied);
        var (lenient, output, _) = Kagi("scan", "aws", "--endpoint-url", _endpoint, "--region", Scenarios.Denied, "--allow-incomplete");

        Assert.Equal(1, strict);
        Assert.Equal(0, lenient);
        Assert.Contains("AccessDenied", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_inventory_rescanned_offline_gives_the_same_findings()
    {
        // Given a live scan that saved its inventory
        var file = Path.Combine(Directory.CreateTempSubdirectory("kagi-inventory-").FullName, "inventory.json");
        var (liveExit, live, _) = Kagi("scan", "aws", "--endpoint-url", _endpoint, "--all-regions", "--format", "json", "--save-inventory", file);

        // When it is judged again offline, with no endpoint at all
        var (offlineExit, offline, _) = Kagi("scan", "inventory", file, "--format", "json");

        // Then the findings, their fingerprints and the exit code are the same
        Assert.Equal(liveExit, offlineExit);
        Assert.Equal(FindingLines(live), FindingLines(offline));
        using var json = JsonDocument.Parse(offline);
        Assert.Equal("inventory", json.RootElement.GetProperty("scan").GetProperty("source").GetString());
    }

    [Fact]
    public void A_saved_inventory_honours_the_hsm_bar_offline()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("kagi-inventory-").FullName, "inventory.json");
        Kagi("scan", "aws", "--endpoint-url", _endpoint, "--region", Scenarios.Verdicts, "--save-inventory", file, "--format", "json");

        var (_, output, _) = Kagi("scan", "inventory", file, "--format", "json", "--min-key-level", "hsm");

        var findings = Findings(output);
        Assert.Equal("FAIL", findings[("neptune-cluster-cmk-encryption", "arn:aws:rds:eu-west-1:111122223333:cluster:pass_cmk")]);
        Assert.Equal("PASS", findings[("neptune-cluster-cmk-encryption", "arn:aws:rds:eu-west-1:111122223333:cluster:pass_external_key_store")]);
    }

    [Fact]
    public void The_fix_of_a_live_finding_names_the_cluster_and_its_region()
    {
        var (_, json, _) = Kagi("scan", "aws", "--endpoint-url", _endpoint, "--region", Scenarios.Verdicts, "--format", "json");
        using var document = JsonDocument.Parse(json);
        var fingerprint = document.RootElement.GetProperty("findings").EnumerateArray()
            .First(f => f.GetProperty("resource").GetProperty("id").GetString()!.EndsWith(":fail_aws_managed", StringComparison.Ordinal)
                && f.GetProperty("ruleId").GetString() == "neptune-cluster-cmk-encryption")
            .GetProperty("fingerprint").GetString()!;

        var (_, output, _) = Kagi("scan", "aws", "--endpoint-url", _endpoint, "--region", Scenarios.Verdicts, "--fix", fingerprint[..12]);

        Assert.Contains("fail_aws_managed", output, StringComparison.Ordinal);
        Assert.Contains("REGION=eu-west-1", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan", "aws", "--endpoint-url", "not a url", "--region", "eu-west-1")]
    [InlineData("scan", "aws", "--endpoint-url", "ftp://127.0.0.1/", "--region", "eu-west-1")]
    [InlineData("scan", "inventory", "/nonexistent/kagi-inventory.json")]
    public void Bad_usage_exits_two_with_a_message(params string[] args)
    {
        var (exitCode, _, error) = Kagi(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("kagi:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inventory_that_cannot_be_saved_is_bad_input_and_the_findings_are_still_printed()
    {
        var (exitCode, output, error) = Kagi("scan", "aws", "--endpoint-url", _endpoint, "--region", Scenarios.Verdicts, "--format", "json", "--save-inventory", "/nonexistent/kagi/inventory.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot save the inventory", error, StringComparison.Ordinal);
        Assert.Equal("FAIL", Findings(output)[("neptune-cluster-cmk-encryption", "arn:aws:rds:eu-west-1:111122223333:cluster:fail_aws_owned")]);
    }

    [Fact]
    public void A_file_that_is_not_an_inventory_is_bad_input()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, """{"schemaVersion": "1", "findings": []}""");

        var (exitCode, _, error) = Kagi("scan", "inventory", file);

        Assert.Equal(2, exitCode);
        Assert.Contains("not a Kagi inventory", error, StringComparison.Ordinal);
    }

    // Scans here never write into the developer's findings store; the store has its own tests.
    internal static (int ExitCode, string Output, string Error) Kagi(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = KagiCommandLine.Run(args is ["scan", ..] && !args.Contains("--store") ? [.. args, "--no-store"] : args, output, error, TimeProvider.System);
        return (exitCode, output.ToString(), error.ToString());
    }

    internal static Dictionary<(string Rule, string Resource), string> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(
            f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("resource").GetProperty("id").GetString()!),
            f => f.GetProperty("status").GetString()!);
    }

    // Everything a finding says, less the scan's own times.
    // The line that closes a region's scan: what it found of each kind, and its calls.
    private static string FinishedLine(string error, string region) =>
        error.Split('\n').Single(line => line.StartsWith($"kagi: {region}: ", StringComparison.Ordinal) && line.Contains("API calls", StringComparison.Ordinal));

    private static List<string> FindingLines(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetRawText()).Order(StringComparer.Ordinal)];
    }
}
