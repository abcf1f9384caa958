using System.Text.Json;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Reporting;

/// <summary>The JSON contract of docs/contract.md (schemaVersion 1, schema docs/kagi-report.schema.json). Scripts outside the repository read it: change it only additively.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const string SchemaVersion = "1";

    // The remediation keys of schema version 1, kept as they are; "media" carries every medium by its own name.
    private static readonly (string Key, RemediationMedium Medium)[] ContractKeys =
    [
        ("console", RemediationMedium.Console),
        ("cli", RemediationMedium.AwsCli),
        ("terraform", RemediationMedium.Terraform),
    ];

    public string Format => "json";

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var stream = new JsonTextOutput(output);
        var json = stream.Json;
        json.WriteStartObject();
        json.WriteString("schemaVersion", SchemaVersion);
        json.WriteStartObject("tool");
        json.WriteString("name", "kagi");
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();
        json.WriteStartObject("scan");
        json.WriteString("source", report.Source.ToString().ToLowerInvariant());
        json.WriteString("startedAt", report.StartedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("finishedAt", report.FinishedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("minKeyLevel", report.Options.MinKeyLevel.ToName());
        json.WriteString("lang", report.Language.ToString().ToLowerInvariant());
        WriteStrings(json, "targets", report.Targets);
        json.WriteEndObject();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            WriteFinding(json, finding, report.Language);
            stream.FlushIfFull();
        }

        json.WriteEndArray();
        json.WriteStartObject("summary");
        foreach (var status in Enum.GetValues<ResultStatus>())
        {
            json.WriteNumber(status.ToName(), report.Count(status));
        }

        json.WriteEndObject();
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in report.Diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", diagnostic.Message);
            WriteLocation(json, diagnostic.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Null when the source could not tell, so a reader never takes unknown tags for none.
    private static void WriteTags(Utf8JsonWriter json, Fact<IReadOnlyDictionary<string, string>> tags)
    {
        if (!tags.IsKnown)
        {
            json.WriteNull("tags");
            return;
        }

        json.WriteStartObject("tags");
        foreach (var (key, value) in ResourceTags.Sorted(tags.Value))
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding, Language language)
    {
        var text = FindingText.Render(finding, language);
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteString("status", finding.Status.ToName());
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("title", text.Title);
        json.WriteString("fingerprint", finding.Fingerprint);
        json.WriteStartObject("resource");
        json.WriteString("id", finding.Resource.Id);
        json.WriteString("type", finding.Resource.Type);
        json.WriteString("name", finding.Resource.Name.IsKnown ? finding.Resource.Name.Value : null);
        json.WriteString("region", finding.Resource.Region);
        json.WriteString("account", finding.Resource.Account);

        // Only where an organization scan named the account, so a single account's report is as it was.
        if (finding.Resource.AccountName is { } accountName)
        {
            json.WriteString("accountName", accountName);
        }

        WriteLocation(json, finding.Resource.Location);
        WriteTags(json, finding.Resource.Tags);
        json.WriteEndObject();
        json.WriteString("message", text.Message);
        json.WriteStartObject("evidence");
        var evidence = finding.Result.Evidence.Where(pair => pair.Value is not null).ToArray();
        Array.Sort(evidence, (one, other) => string.CompareOrdinal(one.Key, other.Key));
        foreach (var (key, value) in evidence)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        if (finding.MutedBy is { } mute)
        {
            json.WriteStartObject("suppression");
            json.WriteString("reason", mute.Reason);
            WriteLocation(json, mute.Location);
            json.WriteEndObject();
        }

        // A passing resource needs no fix; leaving it out keeps a large estate's report to the findings that matter.
        if (finding.Status == ResultStatus.Pass)
        {
            json.WriteNull("remediation");
            json.WriteEndObject();
            return;
        }

        // Each fix is escaped once and written twice, under its schema-1 key and under "media": the fixes are most of a
        // large report's bytes.
        var fixes = text.Fixes.Select(fix => (fix.Medium, Text: JsonEncodedText.Encode(fix.Text, JsonTextOutput.Encoder))).ToList();
        json.WriteStartObject("remediation");
        // A key whose medium is not shown for the resource's source (Terraform for a template's resource) holds an empty string.
        foreach (var (key, medium) in ContractKeys)
        {
            var fix = fixes.Find(fix => fix.Medium == medium);
            json.WriteString(key, fix.Medium is null ? JsonEncodedText.Encode(string.Empty) : fix.Text);
        }

        json.WriteStartObject("media");
        foreach (var (medium, encoded) in fixes)
        {
            json.WriteString(medium.Name, encoded);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, SourceLocation? location)
    {
        if (location is null)
        {
            json.WriteNull("location");
            return;
        }

        json.WriteStartObject("location");
        json.WriteString("file", location.File);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
