using System.Text.Json.Nodes;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// AWS Security Finding Format, a JSON array ready for <c>aws securityhub batch-import-findings --findings file://…</c>
/// (which takes at most 100 findings per call: split a larger file). A Terraform resource has an account only when its
/// provider's <c>allowed_account_ids</c> names exactly one, and a region only when the provider's is known; one without
/// takes <see cref="DefaultAccount"/> and <see cref="DefaultRegion"/>, which default to the obvious placeholders
/// <c>000000000000</c> and <c>us-east-1</c> so that an import of an unconfigured report fails loudly instead of landing in
/// a real account by accident.
/// </summary>
public sealed class AsffReportWriter : IReportWriter
{
    public const string PlaceholderAccount = "000000000000";
    public const string PlaceholderRegion = "us-east-1";

    private const int MaxTitle = 256;
    private const int MaxDescription = 1024;
    private const int MaxRecommendation = 512;

    public string Format => "asff";

    /// <summary>The account for findings whose resource has none (Terraform without a single allowed account).</summary>
    public string DefaultAccount { get; init; } = PlaceholderAccount;

    /// <summary>The region for findings whose resource has none.</summary>
    public string DefaultRegion { get; init; } = PlaceholderRegion;

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        ReportJson.WriteArray(report.Findings.Select(finding => Finding(finding, report)), output);
    }

    private JsonObject Finding(Finding finding, ScanReport report)
    {
        var text = FindingText.Render(finding, report.Language);
        var resource = finding.Resource;
        var account = resource.Account ?? DefaultAccount;
        var region = resource.Region ?? DefaultRegion;
        var partition = AwsResourceNames.Partition(resource) ?? "aws";
        var time = ReportJson.Timestamp(report.FinishedAt);

        // Compact: AwsAccountName is left out where no organization named the account.
        return ReportJson.Compact(new JsonObject
        {
            ["SchemaVersion"] = "2018-10-08",
            ["Id"] = $"kagi/{finding.Rule.Id}/{finding.Fingerprint}",
            ["ProductArn"] = $"arn:{partition}:securityhub:{region}:{account}:product/{account}/default",
            ["ProductName"] = "Kagi",
            ["CompanyName"] = "Kagi",
            ["GeneratorId"] = $"kagi/{finding.Rule.Id}",
            ["AwsAccountId"] = account,
            ["AwsAccountName"] = resource.AccountName,
            ["Types"] = new JsonArray("Software and Configuration Checks/AWS Security Best Practices"),
            ["CreatedAt"] = time,
            ["UpdatedAt"] = time,
            ["Severity"] = new JsonObject { ["Label"] = SeverityLabel(finding) },
            ["Title"] = Truncate(text.Title, MaxTitle),
            ["Description"] = Truncate($"{text.Message}\n\n{text.Risk.TrimEnd()}", MaxDescription),
            ["Remediation"] = new JsonObject
            {
                ["Recommendation"] = ReportJson.Compact(new JsonObject
                {
                    ["Text"] = Truncate(text.FixIn(RemediationMedium.Console), MaxRecommendation),
                    ["Url"] = finding.Rule.References.Count > 0 ? finding.Rule.References[0] : null,
                }),
            },
            ["ProductFields"] = new JsonObject
            {
                ["kagi/RuleId"] = finding.Rule.Id,
                ["kagi/Status"] = finding.Status.ToName(),
                ["kagi/ResourceId"] = resource.Id,
                ["kagi/Location"] = resource.Location?.ToString() ?? string.Empty,
            },
            ["Resources"] = new JsonArray(ReportJson.Compact(new JsonObject
            {
                ["Type"] = resource.Kind.AsffType,
                ["Id"] = resource.Id,
                ["Partition"] = partition,
                ["Region"] = region,
                ["Tags"] = resource.Tags is { IsKnown: true, Value.Count: > 0 } tags ? ReportJson.Map(tags.Value) : null,
            })),
            ["Compliance"] = new JsonObject { ["Status"] = ComplianceStatus(finding.Status) },
            ["Workflow"] = new JsonObject { ["Status"] = WorkflowStatus(finding.Status) },
            ["RecordState"] = "ACTIVE",
        });
    }

    private static string SeverityLabel(Finding finding) =>
        finding.Status == ResultStatus.Pass ? "INFORMATIONAL" : finding.Severity.ToName().ToUpperInvariant();

    // ASFF's own words: WARNING when information is missing, NOT_AVAILABLE when the check could not run.
    private static string ComplianceStatus(ResultStatus status) => status switch
    {
        ResultStatus.Pass => "PASSED",
        ResultStatus.Fail or ResultStatus.Muted => "FAILED",
        ResultStatus.Unknown => "WARNING",
        _ => "NOT_AVAILABLE",
    };

    private static string WorkflowStatus(ResultStatus status) => status switch
    {
        ResultStatus.Pass => "RESOLVED",
        ResultStatus.Muted => "SUPPRESSED",
        _ => "NEW",
    };

    private static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
