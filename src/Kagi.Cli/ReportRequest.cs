using Kagi.Reporting;

namespace Kagi.Cli;

/// <summary>One report to write: a format and a file, or standard output when <see cref="Path"/> is null.</summary>
internal sealed record ReportRequest(string Format, string? Path)
{
    public const string StandardOutput = "-";

    public static IEnumerable<string> Formats => ReportWriters.All.Select(writer => writer.Format);

    /// <summary>
    /// Pairs <c>--format</c> values with <c>--output</c> values: <c>FORMAT=FILE</c> carries its own file, the other
    /// formats take the <c>--output</c> values in order, and any format left without one goes to standard output.
    /// Null, with the reason in <paramref name="problem"/>, when the pairing is ambiguous.
    /// </summary>
    public static IReadOnlyList<ReportRequest>? Pair(IReadOnlyList<string> formats, IReadOnlyList<string> outputs, out string problem)
    {
        var requested = formats.Count == 0 ? ["table"] : formats;
        var reports = new List<ReportRequest>();
        var nextOutput = 0;
        foreach (var value in requested)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var format = (equals < 0 ? value : value[..equals]).Trim().ToLowerInvariant();
            if (ReportWriters.Find(format) is null)
            {
                problem = $"unknown format '{format}'; choose from {string.Join(", ", Formats)}.";
                return null;
            }

            var path = equals >= 0 ? value[(equals + 1)..] : nextOutput < outputs.Count ? outputs[nextOutput++] : StandardOutput;
            reports.Add(new ReportRequest(format, path is StandardOutput or "" ? null : path));
        }

        problem = Check(reports, outputs.Count - nextOutput) ?? string.Empty;
        return problem.Length == 0 ? reports : null;
    }

    private static string? Check(List<ReportRequest> reports, int unusedOutputs)
    {
        if (unusedOutputs > 0)
        {
            return $"{unusedOutputs} --output value(s) have no --format to go with; give one --format per --output.";
        }

        if (reports.Count(report => report.Path is null) > 1)
        {
            return "only one report can go to standard output; give the others an --output FILE or FORMAT=FILE.";
        }

        var twice = reports.Where(report => report.Path is not null)
            .GroupBy(report => System.IO.Path.GetFullPath(report.Path!), StringComparer.Ordinal)
            .FirstOrDefault(group => group.Count() > 1);
        return twice is null ? null : $"two reports would be written to {twice.First().Path}.";
    }
}
