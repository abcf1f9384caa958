using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Reporting;

namespace Kagi.Cli;

/// <summary>One report to write: a format and a file, or standard output when <see cref="Path"/> is null.</summary>
internal sealed record ReportRequest(string Format, string? Path)
{
    public const string StandardOutput = "-";

    public static IEnumerable<string> Formats => ReportWriters.All.Select(writer => writer.Format);

    /// <summary>
    /// Pairs <c>--format</c> and <c>--output</c> values in the order they were typed: <c>FORMAT=FILE</c> carries its own
    /// file; an <c>--output</c> goes with the <c>--format</c> just before it, or, when it comes first, with the next one;
    /// a format left without a file goes to standard output, and with no <c>--format</c> the report is a table.
    /// Null, with the reason in <paramref name="problem"/> (in <paramref name="language"/>), when the pairing is ambiguous.
    /// </summary>
    public static IReadOnlyList<ReportRequest>? Pair(IReadOnlyList<ReportOption> typed, Language language, out string problem)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var reports = new List<ReportRequest>();
        var waitingOutputs = new Queue<string>();
        var lastTakesOutput = false;
        foreach (var option in typed)
        {
            if (!option.IsFormat)
            {
                if (lastTakesOutput)
                {
                    reports[^1] = reports[^1] with { Path = ToPath(option.Value) };
                    lastTakesOutput = false;
                }
                else
                {
                    waitingOutputs.Enqueue(option.Value);
                }

                continue;
            }

            var equals = option.Value.IndexOf('=', StringComparison.Ordinal);
            var format = (equals < 0 ? option.Value : option.Value[..equals]).Trim().ToLowerInvariant();
            if (ReportWriters.Find(format) is null)
            {
                problem = Texts.Get(language, "cli.unknown-format", ("format", format), ("formats", string.Join(", ", Formats)));
                return null;
            }

            var path = equals >= 0 ? option.Value[(equals + 1)..] : waitingOutputs.Count > 0 ? waitingOutputs.Dequeue() : null;
            reports.Add(new ReportRequest(format, path is null ? null : ToPath(path)));
            lastTakesOutput = equals < 0 && path is null;
        }

        if (reports.Count == 0)
        {
            reports.Add(new ReportRequest("table", waitingOutputs.Count > 0 ? ToPath(waitingOutputs.Dequeue()) : null));
        }

        problem = Check(reports, waitingOutputs.Count, language) ?? string.Empty;
        return problem.Length == 0 ? reports : null;
    }

    private static string? ToPath(string value) => value is StandardOutput or "" ? null : value;

    private static string? Check(List<ReportRequest> reports, int unusedOutputs, Language language)
    {
        if (unusedOutputs > 0)
        {
            return Texts.Get(language, "cli.outputs-without-format", ("count", unusedOutputs));
        }

        if (reports.Count(report => report.Path is null) > 1)
        {
            return Texts.Get(language, "cli.one-report-on-standard-output");
        }

        var twice = reports.Where(report => report.Path is not null)
            .GroupBy(report => System.IO.Path.GetFullPath(report.Path!), StringComparer.Ordinal)
            .FirstOrDefault(group => group.Count() > 1);
        return twice is null ? null : Texts.Get(language, "cli.report-written-twice", ("path", twice.First().Path));
    }
}

/// <summary>One <c>--format</c> or <c>--output</c> value, in the order the user typed it.</summary>
internal sealed record ReportOption(bool IsFormat, string Value);
