using System.Text.Json;
using Kagi.Core.Findings;

namespace Kagi.Reporting.Tests;

public sealed class AsffReportWriterTests
{
    private const string Schema = "asff.schema.json";

    [Fact]
    public void Output_matches_the_golden_file()
    {
        Golden.Assert("report.en.asff.json.txt", Golden.Write(new AsffReportWriter(), SampleReport.Create()));
    }

    [Fact]
    public void Output_is_valid_against_the_asff_schema()
    {
        var errors = JsonSchemaCheck.Errors(Schema, Golden.Write(new AsffReportWriter(), MixedReport.Create()));

        Assert.Empty(errors);
    }

    [Fact]
    public void The_schema_check_rejects_a_title_over_256_characters_and_a_missing_account()
    {
        var findings = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(Golden.Write(new AsffReportWriter(), SampleReport.Create()))!;
        findings[0]["Title"] = JsonSerializer.SerializeToElement(new string('x', 257));
        findings[1].Remove("AwsAccountId");

        var errors = JsonSchemaCheck.Errors(Schema, JsonSerializer.Serialize(findings));

        Assert.Contains(errors, error => error.StartsWith("/0/Title", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("/1", StringComparison.Ordinal));
    }

    [Fact]
    public void Live_findings_carry_their_account_region_and_product_arn_and_terraform_ones_the_configured_defaults()
    {
        using var json = Parse(new AsffReportWriter { DefaultAccount = "444455556666" }, MixedReport.Create());
        var findings = json.RootElement.EnumerateArray().ToList();

        var live = findings.Single(f => f.GetProperty("Resources")[0].GetProperty("Id").GetString() == MixedReport.LiveArn);
        Assert.Equal("111122223333", live.GetProperty("AwsAccountId").GetString());
        Assert.Equal("arn:aws:securityhub:ap-northeast-1:111122223333:product/111122223333/default", live.GetProperty("ProductArn").GetString());
        Assert.Equal("AwsRdsDbCluster", live.GetProperty("Resources")[0].GetProperty("Type").GetString());
        Assert.Equal("FAILED", live.GetProperty("Compliance").GetProperty("Status").GetString());
        var terraform = findings.First(f => f.GetProperty("Resources")[0].GetProperty("Id").GetString() == "aws_neptune_cluster.good");
        Assert.Equal("444455556666", terraform.GetProperty("AwsAccountId").GetString());
        Assert.Equal("eu-west-1", terraform.GetProperty("Resources")[0].GetProperty("Region").GetString());
    }

    [Fact]
    public void Without_configured_defaults_terraform_findings_use_the_placeholder_account()
    {
        using var json = Parse(new AsffReportWriter(), SampleReport.Create());

        Assert.All(json.RootElement.EnumerateArray(), f => Assert.Equal(AsffReportWriter.PlaceholderAccount, f.GetProperty("AwsAccountId").GetString()));
    }

    [Fact]
    public void Each_status_maps_to_compliance_and_workflow_status()
    {
        using var json = Parse(new AsffReportWriter(), MixedReport.Create());
        var byStatus = json.RootElement.EnumerateArray()
            .GroupBy(f => f.GetProperty("ProductFields").GetProperty("kagi/Status").GetString()!)
            .ToDictionary(g => g.Key, g => g.First());

        Assert.Equal(("PASSED", "RESOLVED", "INFORMATIONAL"), Statuses(byStatus["PASS"]));
        Assert.Equal(("FAILED", "NEW", "HIGH"), Statuses(byStatus["FAIL"]));
        Assert.Equal(("FAILED", "SUPPRESSED", "HIGH"), Statuses(byStatus["MUTED"]));
        Assert.Equal(("WARNING", "NEW", "HIGH"), Statuses(byStatus["UNKNOWN"]));
        Assert.Equal(("NOT_AVAILABLE", "NEW", "HIGH"), Statuses(byStatus["ERROR"]));
    }

    private static (string?, string?, string?) Statuses(JsonElement finding) =>
        (finding.GetProperty("Compliance").GetProperty("Status").GetString(),
         finding.GetProperty("Workflow").GetProperty("Status").GetString(),
         finding.GetProperty("Severity").GetProperty("Label").GetString());

    private static JsonDocument Parse(AsffReportWriter writer, ScanReport report) => JsonDocument.Parse(Golden.Write(writer, report));
}
