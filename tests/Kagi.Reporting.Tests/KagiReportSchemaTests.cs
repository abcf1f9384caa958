using System.Text.Json;
using System.Text.Json.Nodes;
using Kagi.Cli;
using Kagi.Core.Rules;
using Kagi.Testing;

namespace Kagi.Reporting.Tests;

/// <summary>
/// Kagi's own <c>--format json</c> output against docs/kagi-report.schema.json, the schema of the contract in
/// docs/contract.md: real scans through the command line, a report with every status, and the schema's own teeth.
/// </summary>
public sealed class KagiReportSchemaTests : IDisposable
{
    private static readonly string Schema = RepoPaths.Combine("docs", "kagi-report.schema.json");

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("kagi-report-schema-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Given_the_examples_when_scanned_with_format_json_then_the_report_is_valid_against_the_schema()
    {
        // Given the examples folder, When it is scanned as a user would
        var (exitCode, output) = Scan("iac", RepoPaths.Examples);

        // Then the examples fail (they are meant to) and the report, with its PASS, FAIL and UNKNOWN findings, is valid
        Assert.Equal(ExitCodes.Failing, exitCode);
        Assert.Equal(["FAIL", "PASS", "UNKNOWN"], Statuses(output));
        Assert.Empty(JsonSchemaCheck.Errors(Schema, output));
    }

    [Fact]
    public void Given_a_saved_live_inventory_when_scanned_with_format_json_then_the_report_is_valid_against_the_schema()
    {
        // Given an inventory as 'kagi scan aws --save-inventory' writes it
        var path = Path.Combine(_folder.FullName, "inventory.json");
        File.WriteAllText(path, SavedInventories.Saved());

        // When it is judged offline
        var (_, output) = Scan("inventory", path);

        // Then its live-shaped findings (ARNs, accounts, no file location) are valid
        using var json = JsonDocument.Parse(output);
        Assert.Equal("inventory", json.RootElement.GetProperty("scan").GetProperty("source").GetString());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), finding =>
            finding.GetProperty("resource").GetProperty("id").GetString() == SavedInventories.ClusterId
            && finding.GetProperty("resource").GetProperty("location").ValueKind == JsonValueKind.Null);
        Assert.Empty(JsonSchemaCheck.Errors(Schema, output));
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Ja)]
    public void Given_a_report_with_every_status_when_written_as_json_then_it_is_valid_against_the_schema(Language language)
    {
        var output = Golden.Write(new JsonReportWriter(), MixedReport.Create(language));

        Assert.Equal(["ERROR", "FAIL", "MUTED", "PASS", "UNKNOWN"], Statuses(output));
        Assert.Empty(JsonSchemaCheck.Errors(Schema, output));
    }

    [Fact]
    public void Given_a_report_breaking_the_contract_when_validated_then_each_break_is_named_at_its_place()
    {
        // Given a valid report, changed in three ways the contract forbids
        var report = JsonNode.Parse(Golden.Write(new JsonReportWriter(), MixedReport.Create()))!;
        var findings = report["findings"]!.AsArray();
        var failing = findings.Select((finding, index) => (finding, index)).First(pair => pair.finding!["status"]!.GetValue<string>() == "FAIL").index;
        findings[0]!["status"] = "WARN";
        findings[1]!.AsObject().Remove("ruleId");
        findings[failing]!["remediation"] = null;
        report["summary"]!.AsObject().Remove("ERROR");

        // When it is validated
        var errors = JsonSchemaCheck.Errors(Schema, report.ToJsonString());

        // Then the schema rejects each change where it was made
        Assert.Contains(errors, error => error.StartsWith("/findings/0/status", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("/findings/1:", StringComparison.Ordinal) && error.Contains("ruleId", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith($"/findings/{failing}/remediation", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("/summary:", StringComparison.Ordinal) && error.Contains("ERROR", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schema_names_every_status_and_severity_the_code_can_write()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Schema));
        var finding = schema.RootElement.GetProperty("$defs").GetProperty("finding").GetProperty("properties");

        Assert.Equal(Enum.GetValues<ResultStatus>().Select(status => status.ToName()), Names(finding.GetProperty("status")));
        Assert.Equal(Enum.GetValues<Severity>().Select(severity => severity.ToName()), Names(finding.GetProperty("severity")));
    }

    private static (int ExitCode, string Output) Scan(string source, string target)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = KagiCommandLine.Run(["scan", source, target, "--format", "json", "--no-store"], output, error, TimeProvider.System);
        return (exitCode, output.ToString());
    }

    private static List<string> Statuses(string report)
    {
        using var json = JsonDocument.Parse(report);
        return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(finding => finding.GetProperty("status").GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Names(JsonElement enumerated) =>
        [.. enumerated.GetProperty("enum").EnumerateArray().Select(name => name.GetString()!)];
}
