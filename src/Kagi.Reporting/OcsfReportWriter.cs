using System.Text.Json.Nodes;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// OCSF Detection Finding events (class 2004, schema <see cref="SchemaVersion"/>) as a JSON array, one per finding,
/// with the Cloud profile: what Amazon Security Lake and OCSF-speaking SIEMs ingest.
/// </summary>
public sealed class OcsfReportWriter : IReportWriter
{
    public const string SchemaVersion = "1.3.0";

    private const int ClassUid = 2004;
    private const int CategoryUid = 2;
    private const int CreateActivity = 1;

    public string Format => "ocsf";

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ReportJson.WriteArray(report.Findings.Select(finding => Event(finding, report)), output);
    }

    private static JsonObject Event(Finding finding, ScanReport report)
    {
        var text = FindingText.Render(finding, report.Language);
        var resource = finding.Resource;
        var time = report.FinishedAt.ToUnixTimeMilliseconds();
        var (severityId, severity) = Severity(finding);
        var (statusId, status) = Status(finding.Status);
        return new JsonObject
        {
            ["class_uid"] = ClassUid,
            ["class_name"] = "Detection Finding",
            ["category_uid"] = CategoryUid,
            ["category_name"] = "Findings",
            ["activity_id"] = CreateActivity,
            ["activity_name"] = "Create",
            ["type_uid"] = (ClassUid * 100) + CreateActivity,
            ["type_name"] = "Detection Finding: Create",
            ["time"] = time,
            ["severity_id"] = severityId,
            ["severity"] = severity,
            ["status_id"] = statusId,
            ["status"] = status,
            ["status_code"] = finding.Status.ToName(),
            ["status_detail"] = text.Message,
            ["message"] = text.Message,
            ["is_alert"] = finding.Status == ResultStatus.Fail,
            ["finding_info"] = new JsonObject
            {
                ["uid"] = finding.Fingerprint,
                ["title"] = text.Title,
                ["desc"] = text.Risk.TrimEnd(),
                ["created_time"] = time,
                ["analytic"] = new JsonObject { ["uid"] = finding.Rule.Id, ["name"] = finding.Rule.Id, ["type_id"] = 1, ["type"] = "Rule" },
            },
            ["resources"] = new JsonArray(ReportJson.Compact(new JsonObject
            {
                ["uid"] = resource.Id,
                ["name"] = resource.Name.IsKnown ? resource.Name.Value : null,
                ["type"] = resource.Kind.OcsfType,
                ["region"] = resource.Region,
                ["cloud_partition"] = AwsResourceNames.Partition(resource),
                ["tags"] = resource.Tags.IsKnown
                    ? new JsonArray([.. ResourceTags.Sorted(resource.Tags.Value).Select(tag => (JsonNode)new JsonObject { ["name"] = tag.Key, ["value"] = tag.Value })])
                    : null,
            })),
            ["cloud"] = ReportJson.Compact(new JsonObject
            {
                ["provider"] = "AWS",
                ["account"] = resource.Account is { } account
                    ? ReportJson.Compact(new JsonObject { ["uid"] = account, ["name"] = resource.AccountName, ["type_id"] = 10, ["type"] = "AWS Account" })
                    : null,
                ["region"] = resource.Region,
            }),
            ["remediation"] = new JsonObject
            {
                ["desc"] = RemediationDescription(text, report.Language),
                ["references"] = new JsonArray([.. finding.Rule.References.Select(reference => JsonValue.Create(reference))]),
            },
            ["metadata"] = new JsonObject
            {
                ["version"] = SchemaVersion,
                ["uid"] = finding.Fingerprint,
                ["event_code"] = finding.Rule.Id,
                ["profiles"] = new JsonArray("cloud"),
                ["product"] = new JsonObject { ["name"] = "Kagi", ["vendor_name"] = "Kagi", ["version"] = ToolInfo.Version },
            },
        };
    }

    // The console steps lead, as the description proper; every other medium follows under its label.
    private static string RemediationDescription(FindingText text, Language language) =>
        string.Join("\n\n", text.Fixes.Select(fix => fix.Medium == RemediationMedium.Console
            ? fix.Text.TrimEnd()
            : $"{fix.Medium.Label.Get(language)}:\n{fix.Text.TrimEnd()}"));

    // A passing check is informational; everything else carries the rule's severity.
    private static (int Id, string Caption) Severity(Finding finding) => finding.Status == ResultStatus.Pass
        ? (1, "Informational")
        : finding.Severity switch
        {
            Core.Rules.Severity.Critical => (5, "Critical"),
            Core.Rules.Severity.High => (4, "High"),
            Core.Rules.Severity.Medium => (3, "Medium"),
            _ => (2, "Low"),
        };

    private static (int Id, string Caption) Status(ResultStatus status) => status switch
    {
        ResultStatus.Pass => (4, "Resolved"),
        ResultStatus.Muted => (3, "Suppressed"),
        _ => (1, "New"),
    };
}
