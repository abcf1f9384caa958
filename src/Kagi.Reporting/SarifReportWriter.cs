using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning reads it: one rule per rule ID with Markdown help and a security-severity,
/// one result per finding that needs attention (PASS is not a result), MUTED as an in-source suppression.
/// </summary>
public sealed class SarifReportWriter : IReportWriter
{
    public const string FingerprintKey = "kagiFingerprint/v1";

    private const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Format => "sarif";

    /// <summary>The folder artifact URIs are made relative to (GitHub wants repository-relative paths); the current directory when null.</summary>
    public string? BaseDirectory { get; init; }

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var verdicts = report.Verdicts;
        var rules = Enumerable.Range(0, verdicts.Count).Select(verdicts.RuleAt)
            .DistinctBy(rule => rule.Id)
            .OrderBy(rule => rule.Id, StringComparer.Ordinal)
            .ToList();

        // A rule's help shows the media for the sources its results came from: no Terraform for a template-only run.
        var sources = Enumerable.Range(0, verdicts.Count)
            .GroupBy(index => verdicts.RuleAt(index).Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(index => ResourceSources.Of(verdicts.ResourceAt(index))).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
        using var stream = new JsonTextOutput(output);
        var json = stream.Json;
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        Member(json, "tool", new JsonObject
        {
            ["driver"] = new JsonObject
            {
                ["name"] = "Kagi",
                ["fullName"] = "Kagi cloud security posture scanner",
                ["version"] = ToolInfo.Version,
                ["semanticVersion"] = ToolInfo.Version,
                ["language"] = report.Language == Language.Ja ? "ja" : "en",
                ["rules"] = new JsonArray([.. rules.Select(rule => Rule(rule, sources[rule.Id], report.Language))]),
            },
        });
        Member(json, "invocations", new JsonArray(Invocation(report)));
        json.WriteStartArray("results");
        foreach (var finding in FindingOrder.NeedingAttention(verdicts))
        {
            Result(finding, ruleIndex[finding.Rule.Id], report.Language).WriteTo(json);
            stream.FlushIfFull();
        }

        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        Member(json, "automationDetails", new JsonObject { ["id"] = $"kagi/{report.Source.ToString().ToLowerInvariant()}/" });
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>GitHub's scale: over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, below 4.0 low.</summary>
    public static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        _ => "3.0",
    };

    private static string Level(Finding finding) => finding.Status switch
    {
        ResultStatus.Unknown => "note",
        ResultStatus.Error => "warning",
        _ => DefaultLevel(finding.Severity),
    };

    private static string DefaultLevel(Severity severity) => severity >= Severity.High ? "error" : "warning";

    private static JsonObject Rule(RuleMetadata rule, IReadOnlySet<string> sources, Language language)
    {
        var help = RuleHelp.Render(rule, sources, language);
        return ReportJson.Compact(new JsonObject
        {
            ["id"] = rule.Id,
            ["name"] = PascalCase(rule.Id),
            ["shortDescription"] = new JsonObject { ["text"] = help.Title },
            ["fullDescription"] = new JsonObject { ["text"] = help.Risk },
            ["helpUri"] = rule.References.Count > 0 ? rule.References[0] : null,
            ["help"] = new JsonObject
            {
                ["text"] = RuleHelp.PlainText(help, language),
                ["markdown"] = RuleHelp.Markdown(help, language),
            },
            ["defaultConfiguration"] = new JsonObject { ["level"] = DefaultLevel(rule.Severity) },
            ["properties"] = new JsonObject
            {
                ["security-severity"] = SecuritySeverity(rule.Severity),
                ["severity"] = rule.Severity.ToName(),
                ["precision"] = "very-high",
                ["tags"] = new JsonArray("security", rule.Service, rule.ResourceType),
            },
        });
    }

    private JsonObject Result(Finding finding, int ruleIndex, Language language)
    {
        var text = FindingText.Render(finding, language);
        var resource = finding.Resource;
        var location = new JsonObject
        {
            ["logicalLocations"] = new JsonArray(new JsonObject
            {
                ["name"] = resource.Name.IsKnown ? resource.Name.Value : resource.Id,
                ["fullyQualifiedName"] = resource.Id,
                ["kind"] = "resource",
            }),
        };
        if (resource.Location is { } source)
        {
            location["physicalLocation"] = new JsonObject
            {
                ["artifactLocation"] = new JsonObject { ["uri"] = RelativeUri(source.File) },
                ["region"] = new JsonObject { ["startLine"] = source.Line, ["startColumn"] = source.Column },
            };
        }

        return ReportJson.Compact(new JsonObject
        {
            ["ruleId"] = finding.Rule.Id,
            ["ruleIndex"] = ruleIndex,
            ["level"] = Level(finding),
            ["message"] = new JsonObject { ["text"] = $"{resource.Id}: {text.Message}" },
            ["locations"] = new JsonArray(location),
            ["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint },
            ["suppressions"] = finding.MutedBy is { } mute ? new JsonArray(Suppression(mute)) : null,
            ["properties"] = ReportJson.Compact(new JsonObject
            {
                ["status"] = finding.Status.ToName(),
                ["resourceId"] = resource.Id,
                ["resourceType"] = resource.Type,
                ["account"] = resource.Account,
                ["accountName"] = resource.AccountName,
                ["region"] = resource.Region,

                // "tags" in a SARIF property bag is SARIF's own list of strings: the resource's tags are a map of their own.
                ["resourceTags"] = resource.Tags.IsKnown ? ReportJson.Map(resource.Tags.Value) : null,
            }),
        });
    }

    private JsonObject Suppression(Suppression mute)
    {
        var suppression = new JsonObject
        {
            ["kind"] = "inSource",
            ["justification"] = mute.Reason ?? string.Empty,
        };
        if (mute.Location is { } source)
        {
            suppression["location"] = PhysicalOnly(source);
        }

        return suppression;
    }

    private JsonObject Invocation(ScanReport report) => new()
    {
        ["executionSuccessful"] = true,
        ["startTimeUtc"] = ReportJson.Timestamp(report.StartedAt),
        ["endTimeUtc"] = ReportJson.Timestamp(report.FinishedAt),

        // Input that did not parse is the tool's problem, not a finding: a notification GitHub shows beside the results.
        ["toolExecutionNotifications"] = new JsonArray([.. report.Diagnostics.Select(diagnostic => ReportJson.Compact(new JsonObject
        {
            ["level"] = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning",
            ["message"] = new JsonObject { ["text"] = diagnostic.Message },
            ["locations"] = diagnostic.Location is { } source ? new JsonArray(PhysicalOnly(source)) : null,
        }))]),
    };

    private JsonObject PhysicalOnly(SourceLocation source) => new()
    {
        ["physicalLocation"] = new JsonObject
        {
            ["artifactLocation"] = new JsonObject { ["uri"] = RelativeUri(source.File) },
            ["region"] = new JsonObject { ["startLine"] = source.Line, ["startColumn"] = source.Column },
        },
    };

    private string RelativeUri(string file)
    {
        var relative = Path.IsPathRooted(file)
            ? Path.GetRelativePath(BaseDirectory ?? Directory.GetCurrentDirectory(), file)
            : file;
        var segments = relative.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString);
        return string.Join('/', segments);
    }

    private static void Member(Utf8JsonWriter json, string name, JsonNode value)
    {
        json.WritePropertyName(name);
        value.WriteTo(json);
    }

    private static string PascalCase(string id) =>
        string.Concat(id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]));
}
