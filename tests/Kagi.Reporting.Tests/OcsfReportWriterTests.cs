using System.Text.Json;
using Kagi.Core.Rules;

namespace Kagi.Reporting.Tests;

public sealed class OcsfReportWriterTests
{
    private const string Schema = "ocsf-detection-finding-2004.schema.json";

    [Fact]
    public void Output_matches_the_golden_file()
    {
        Golden.Assert("report.en.ocsf.json.txt", Golden.Write(new OcsfReportWriter(), SampleReport.Create()));
    }

    [Fact]
    public void Output_is_valid_against_the_ocsf_detection_finding_schema()
    {
        var errors = JsonSchemaCheck.Errors(Schema, Golden.Write(new OcsfReportWriter(), MixedReport.Create()));

        Assert.Empty(errors);
    }

    [Fact]
    public void The_schema_check_rejects_an_event_of_another_class_or_without_finding_info()
    {
        var events = JsonSerializer.Deserialize<List<Dictionary<string, JsonElement>>>(Golden.Write(new OcsfReportWriter(), SampleReport.Create()))!;
        events[0]["class_uid"] = JsonSerializer.SerializeToElement(2003);
        events[1].Remove("finding_info");

        var errors = JsonSchemaCheck.Errors(Schema, JsonSerializer.Serialize(events));

        Assert.Contains(errors, error => error.StartsWith("/0", StringComparison.Ordinal));
        Assert.Contains(errors, error => error.StartsWith("/1", StringComparison.Ordinal));
    }

    [Fact]
    public void One_event_per_finding_with_resource_cloud_severity_status_and_remediation()
    {
        var report = MixedReport.Create();
        using var json = JsonDocument.Parse(Golden.Write(new OcsfReportWriter(), report));
        var events = json.RootElement.EnumerateArray().ToList();

        Assert.Equal(report.Findings.Count, events.Count);
        Assert.All(events, e => Assert.Equal(200401, e.GetProperty("type_uid").GetInt32()));
        var live = events.Single(e => e.GetProperty("resources")[0].GetProperty("uid").GetString() == MixedReport.LiveArn);
        Assert.Equal("111122223333", live.GetProperty("cloud").GetProperty("account").GetProperty("uid").GetString());
        Assert.Equal("ap-northeast-1", live.GetProperty("cloud").GetProperty("region").GetString());
        Assert.Equal("aws", live.GetProperty("resources")[0].GetProperty("cloud_partition").GetString());
        Assert.Equal(4, live.GetProperty("severity_id").GetInt32());
        Assert.Equal(1, live.GetProperty("status_id").GetInt32());
        Assert.Contains("aws kms create-key", live.GetProperty("remediation").GetProperty("desc").GetString(), StringComparison.Ordinal);
        var muted = events.Single(e => e.GetProperty("status_code").GetString() == "MUTED");
        Assert.Equal("Suppressed", muted.GetProperty("status").GetString());
        var passed = events.First(e => e.GetProperty("status_code").GetString() == "PASS");
        Assert.Equal(1, passed.GetProperty("severity_id").GetInt32());
        Assert.Equal("Kagi", live.GetProperty("metadata").GetProperty("product").GetProperty("name").GetString());
        Assert.Equal(OcsfReportWriter.SchemaVersion, live.GetProperty("metadata").GetProperty("version").GetString());
    }

    [Fact]
    public void Times_are_epoch_milliseconds_of_the_scan()
    {
        using var json = JsonDocument.Parse(Golden.Write(new OcsfReportWriter(), SampleReport.Create(Language.Ja)));

        Assert.Equal(
            new DateTimeOffset(2026, 11, 29, 3, 0, 1, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            json.RootElement[0].GetProperty("finding_info").GetProperty("created_time").GetInt64());
    }
}
