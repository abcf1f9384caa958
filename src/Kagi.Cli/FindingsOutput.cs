using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Store;

namespace Kagi.Cli;

/// <summary>The store's answers as a table for people or JSON for scripts; names as in the scan report's JSON.</summary>
internal static class FindingsOutput
{
    private const string Absent = "ABSENT";

    // Built as JSON nodes, not serialized objects: the published binary has no reflection-based serializer.
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Most severe first; within a severity, what is failing (new, reopened, open) before what is resolved.</summary>
    public static void Write(IReadOnlyList<TrackedFinding> findings, string format, Language language, TextWriter output)
    {
        var sorted = findings.OrderByDescending(finding => finding.Severity).ThenBy(finding => StateRank(finding.State))
            .ThenBy(finding => finding.RuleId, StringComparer.Ordinal).ThenBy(finding => finding.ResourceId, StringComparer.Ordinal).ToList();
        if (format == "json")
        {
            output.WriteLine(Document("findings", sorted.Select(FindingJson)).ToJsonString(Json));
            return;
        }

        Table(
            output,
            ["FINGERPRINT", "STATE", "SEVERITY", "RULE", "RESOURCE", "ACCOUNT", "REGION", "RESULT", "FIRST SEEN", "LAST SEEN", "MUTED"],
            sorted.Select(finding => new[]
            {
                finding.Fingerprint[..12], finding.State.ToString().ToUpperInvariant(), finding.Severity.ToName(), finding.RuleId, finding.ResourceId,
                finding.AccountLabel ?? "-", finding.Region ?? "-", Result(finding), Time(finding.FirstSeenAt), Time(finding.LastSeenAt), finding.MutedBy?.Describe() ?? string.Empty,
            }));
        output.WriteLine(findings.Count == 1
            ? Texts.Get(language, "cli.finding-count-one", ("count", findings.Count))
            : Texts.Get(language, "cli.finding-count-many", ("count", findings.Count)));
    }

    /// <summary>What <c>kagi findings show</c> prints above the fix: state, severity, when seen, how it was resolved, its mute.</summary>
    public static void WriteHeader(TrackedFinding finding, Language language, TextWriter output)
    {
        output.WriteLine(Texts.Get(
            language,
            "cli.finding-seen",
            ("state", finding.State.ToString().ToUpperInvariant()),
            ("severity", finding.Severity.ToName()),
            ("first", Time(finding.FirstSeenAt)),
            ("firstScan", finding.FirstScanId),
            ("last", Time(finding.LastSeenAt)),
            ("lastScan", finding.LastScanId)));
        if (finding.State == FindingState.Resolved)
        {
            (string, object?)[] when = [("scan", finding.ChangedScanId), ("at", Time(finding.ChangedAt))];
            output.WriteLine(finding.ResolvedByAbsence ? Texts.Get(language, "cli.finding-resolved-absent", when) : Texts.Get(language, "cli.finding-resolved-passed", when));
        }

        if (finding.MutedBy is { } mute)
        {
            output.WriteLine(TerminalText.Line(Texts.Get(language, "cli.finding-muted", ("description", mute.Describe()))));
        }

        output.WriteLine();
    }

    // A resolved finding shows what resolved it: a passing result, or a scan of its scope that no longer found it.
    private static string Result(TrackedFinding finding) => finding.ResolvedByAbsence ? Absent : finding.LastStatus.ToName();

    private static int StateRank(FindingState state) => state switch
    {
        FindingState.New => 0,
        FindingState.Reopened => 1,
        FindingState.Open => 2,
        _ => 3,
    };

    public static void Write(ScanDiff diff, string format, Language language, TextWriter output)
    {
        if (format == "json")
        {
            var document = new JsonObject
            {
                ["schemaVersion"] = "1",
                ["before"] = ScanJson(diff.Before),
                ["after"] = ScanJson(diff.After),
                ["new"] = JsonList(diff.New.Select(ResultJson)),
                ["resolved"] = JsonList(diff.Resolved.Select(ResultJson)),
                ["stillOpen"] = JsonList(diff.StillOpen.Select(ResultJson)),
            };
            output.WriteLine(document.ToJsonString(Json));
            return;
        }

        output.WriteLine(Texts.Get(language, "cli.diff-scans", ("before", diff.Before.Id), ("beforeAt", Time(diff.Before.StartedAt)), ("after", diff.After.Id), ("afterAt", Time(diff.After.StartedAt))));
        var rows = diff.New.Select(result => ("NEW", result))
            .Concat(diff.Resolved.Select(result => ("RESOLVED", result)))
            .Concat(diff.StillOpen.Select(result => ("OPEN", result)));
        Table(output, ["CHANGE", "FINGERPRINT", "SEVERITY", "RULE", "RESOURCE", "ACCOUNT", "STATUS"], rows.Select(row => new[]
        {
            row.Item1, row.result.Fingerprint[..12], row.result.Severity.ToName(), row.result.RuleId, row.result.ResourceId, row.result.AccountLabel ?? "-",
            row.result.Status.ToName(),
        }));
        output.WriteLine(Texts.Get(language, "cli.diff-counts", ("new", diff.New.Count), ("resolved", diff.Resolved.Count), ("open", diff.StillOpen.Count)));
    }

    public static void Write(IReadOnlyList<MuteRule> mutes, DateTimeOffset now, string format, Language language, TextWriter output)
    {
        static string State(MuteRule mute, DateTimeOffset now) => mute.RemovedAt is not null ? "lifted" : mute.IsActive(now) ? "active" : "expired";
        if (format == "json")
        {
            var rows = mutes.Select(mute => new JsonObject
            {
                ["id"] = mute.Id,
                ["kind"] = mute.Kind.ToString().ToLowerInvariant(),
                ["pattern"] = mute.Pattern,
                ["reason"] = mute.Reason,
                ["until"] = mute.Until,
                ["state"] = State(mute, now),
                ["createdBy"] = mute.CreatedBy,
                ["createdAt"] = mute.CreatedAt,
                ["removedBy"] = mute.RemovedBy,
                ["removedAt"] = mute.RemovedAt,
            });
            output.WriteLine(Document("mutes", rows).ToJsonString(Json));
            return;
        }

        // A bare header would read as a table that failed to load.
        if (mutes.Count == 0)
        {
            output.WriteLine(Texts.Get(language, "cli.no-mutes"));
            return;
        }

        Table(output, ["ID", "STATE", "KIND", "PATTERN", "REASON", "UNTIL", "BY", "AT", "LIFTED BY"], mutes.Select(mute => new[]
        {
            mute.Id.ToString(CultureInfo.InvariantCulture), State(mute, now), mute.Kind.ToString().ToLowerInvariant(), mute.Pattern, mute.Reason,
            mute.Until is { } until ? MuteRule.UntilText(until) : "-", mute.CreatedBy, Time(mute.CreatedAt), mute.RemovedBy ?? string.Empty,
        }));
    }

    public static void Write(IReadOnlyList<StoredScan> scans, string format, TextWriter output)
    {
        if (format == "json")
        {
            output.WriteLine(Document("scans", scans.Select(ScanJson)).ToJsonString(Json));
            return;
        }

        Table(output, ["ID", "SOURCE", "STARTED", "TARGETS", "FAIL", "MUTED", "ERROR"], scans.Select(scan => new[]
        {
            scan.Id.ToString(CultureInfo.InvariantCulture), scan.Source, Time(scan.StartedAt), string.Join(" ", scan.Targets),
            Count(scan, ResultStatus.Fail), Count(scan, ResultStatus.Muted), Count(scan, ResultStatus.Error),
        }));
    }

    private static JsonObject Document(string name, IEnumerable<JsonObject> items) => new() { ["schemaVersion"] = "1", [name] = JsonList(items) };

    private static JsonArray JsonList(IEnumerable<JsonNode> items) => [.. items];

    private static JsonObject Seen(DateTimeOffset at, long scan) => new() { ["at"] = at, ["scan"] = scan };

    private static JsonObject FindingJson(TrackedFinding finding) => new()
    {
        ["fingerprint"] = finding.Fingerprint,
        ["state"] = finding.State.ToString().ToUpperInvariant(),
        ["ruleId"] = finding.RuleId,
        ["severity"] = finding.Severity.ToName(),
        ["lastStatus"] = finding.LastStatus.ToName(),
        ["resource"] = new JsonObject
        {
            ["id"] = finding.ResourceId,
            ["type"] = finding.ResourceType,
            ["region"] = finding.Region,
            ["account"] = finding.Account,
            ["accountName"] = finding.AccountName,
            ["location"] = finding.File is null ? null : new JsonObject { ["file"] = finding.File, ["line"] = finding.Line },

            // Null when the latest scan could not tell them, or the store did not keep them yet.
            ["tags"] = finding.Tags is { } tags
                ? new JsonObject(tags.OrderBy(tag => tag.Key, StringComparer.Ordinal).Select(tag => KeyValuePair.Create(tag.Key, (JsonNode?)tag.Value)))
                : null,
        },
        ["firstSeen"] = Seen(finding.FirstSeenAt, finding.FirstScanId),
        ["lastSeen"] = Seen(finding.LastSeenAt, finding.LastScanId),
        ["changed"] = Seen(finding.ChangedAt, finding.ChangedScanId),

        // For a RESOLVED finding: the scan that resolved it and how, by a PASS or by no longer finding the resource (ABSENT).
        ["resolution"] = finding.State == FindingState.Resolved
            ? new JsonObject { ["result"] = Result(finding), ["at"] = finding.ChangedAt, ["scan"] = finding.ChangedScanId }
            : null,
        ["muted"] = finding.MutedBy is { } mute
            ? new JsonObject { ["id"] = mute.Id, ["reason"] = mute.Reason, ["by"] = mute.CreatedBy, ["until"] = mute.Until }
            : null,
    };

    private static JsonObject ResultJson(StoredResult result) => new()
    {
        ["fingerprint"] = result.Fingerprint,
        ["ruleId"] = result.RuleId,
        ["status"] = result.Status.ToName(),
        ["severity"] = result.Severity.ToName(),
        ["resource"] = new JsonObject { ["id"] = result.ResourceId, ["type"] = result.ResourceType, ["region"] = result.Region, ["account"] = result.Account, ["accountName"] = result.AccountName },
    };

    private static JsonObject ScanJson(StoredScan scan) => new()
    {
        ["id"] = scan.Id,
        ["source"] = scan.Source,
        ["targets"] = new JsonArray([.. scan.Targets.Select(target => (JsonNode?)target)]),
        ["startedAt"] = scan.StartedAt,
        ["finishedAt"] = scan.FinishedAt,
        ["summary"] = new JsonObject(scan.Counts.Select(pair => KeyValuePair.Create(pair.Key.ToName(), (JsonNode?)pair.Value))),
    };

    private static string Count(StoredScan scan, ResultStatus status) => scan.Counts[status].ToString(CultureInfo.InvariantCulture);

    /// <summary>A time as the findings commands show it: UTC, to the minute.</summary>
    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // Plain aligned columns: the output is often piped to grep or less, where a boxed table only gets in the way.
    // Cells hold names and reasons from the cloud, the code and other users: no control character of theirs reaches the terminal.
    internal static void Table(TextWriter output, string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(headers).Select(row => row.Select(TerminalText.Line).ToArray()).ToList();
        var widths = headers.Select((_, column) => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, column) => column == row.Length - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd());
        }
    }
}
