using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kagi.Reporting;

/// <summary>
/// The human report: one table per rule, failures first, coloured by severity where the terminal allows. Every value
/// from the code or the cloud goes through <see cref="TerminalText"/>: the table is read on a terminal.
/// </summary>
public sealed class TableReportWriter : IReportWriter
{
    public string Format => "table";

    /// <summary>How the user asks for one finding's fix; the CLI sets it to the command that was run.</summary>
    public Func<Finding, string>? FixCommand { get; init; }

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(output, Console.Out) ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            // A file or a pipe has no width of its own; wide enough for a key ARN on one line.
            console.Profile.Width = 132;
        }

        var language = report.Language;
        console.MarkupLineInterpolated($"[bold]Kagi {ToolInfo.Version}[/] · {SourceName(report.Source, language)}: {TerminalText.Line(string.Join(", ", report.Targets))} · {Texts.Get(language, "reports.minimum-key-level")}: {report.Options.MinKeyLevel.ToName()}");
        console.WriteLine();
        foreach (var group in report.Findings.GroupBy(finding => finding.Rule.Id).OrderBy(group => Rank(group)).ThenByDescending(group => group.First().Severity).ThenBy(group => group.Key, StringComparer.Ordinal))
        {
            WriteRule(console, [.. group], language);
        }

        if (report.Findings.Count == 0)
        {
            console.WriteLine(Texts.Get(language, "reports.nothing-judged"));
        }

        WriteDiagnostics(console, report.Diagnostics, language);
        WriteSummary(console, report, language);
    }

    private void WriteRule(IAnsiConsole console, IReadOnlyList<Finding> findings, Language language)
    {
        var rule = findings[0].Rule;
        var title = FindingText.Render(findings[0], language).Title;
        console.Write(new Rule($"[{SeverityStyle(rule.Severity)}]{rule.Severity.ToName().ToUpperInvariant()}[/] [bold]{Markup.Escape(rule.Id)}[/]")
        {
            Justification = Justify.Left,
        });
        console.WriteLine(title);
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumn(Markup.Escape(Texts.Get(language, "reports.column-status")));
        table.AddColumn(Markup.Escape(Texts.Get(language, "reports.column-resource")));
        table.AddColumn(Markup.Escape(Texts.Get(language, "reports.column-message")));
        foreach (var finding in findings.Where(f => f.Status != ResultStatus.Pass).OrderBy(f => StatusRank(f.Status)).ThenBy(f => f.Resource.Id, StringComparer.Ordinal))
        {
            var text = FindingText.Render(finding, language);
            var message = new List<IRenderable> { new Text(TerminalText.Block(text.Message)) };
            if (finding.Status is ResultStatus.Fail && FixCommand is not null)
            {
                message.Add(new Markup($"[dim]{Markup.Escape(Texts.Get(language, "reports.fix"))}: {Markup.Escape(TerminalText.Line(FixCommand(finding)))}[/]"));
            }

            table.AddRow(
                new Markup($"[{StatusStyle(finding.Status)}]{finding.Status.ToName()}[/]"),
                new Rows(new Text(TerminalText.Line(finding.Resource.Id)), new Markup($"[dim]{Markup.Escape(TerminalText.Line(Where(finding.Resource)))}[/]")),
                new Rows(message));
        }

        // Passing resources are named but kept to one row: what needs attention stays on screen.
        var passed = findings.Where(f => f.Status == ResultStatus.Pass).Select(f => f.Resource.Id).Order(StringComparer.Ordinal).ToList();
        if (passed.Count > 0)
        {
            table.AddRow(
                new Markup($"[{StatusStyle(ResultStatus.Pass)}]{ResultStatus.Pass.ToName()}[/]"),
                new Text(Texts.Get(language, "reports.resource-count", ("count", passed.Count))),
                new Text(TerminalText.Line(string.Join(", ", passed))));
        }

        console.Write(table);
    }

    private static void WriteDiagnostics(IAnsiConsole console, IReadOnlyList<ScanDiagnostic> diagnostics, Language language)
    {
        if (diagnostics.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]{Markup.Escape(Texts.Get(language, "reports.input-problems"))}:[/]");
        foreach (var diagnostic in diagnostics)
        {
            var style = diagnostic.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
            console.MarkupLineInterpolated($"  [{style}]{diagnostic.Severity.ToString().ToLowerInvariant()}[/] {TerminalText.Block(diagnostic.ToString(language))}");
        }

        console.WriteLine();
    }

    private static void WriteSummary(IAnsiConsole console, ScanReport report, Language language)
    {
        var counts = Enum.GetValues<ResultStatus>()
            .OrderBy(StatusRank)
            .Select(status => $"[{StatusStyle(status)}]{status.ToName()} {report.Count(status)}[/]");
        console.MarkupLine($"{Markup.Escape(Texts.Get(language, "reports.summary"))}: {string.Join(" · ", counts)}");
    }

    private static string Where(CloudResource resource) =>
        resource.Location?.ToString() ?? string.Join(" ", new[] { resource.Account, resource.Region }.Where(part => part is not null));

    private static string SourceName(ScanSource source, Language language) => source switch
    {
        ScanSource.Iac => Texts.Get(language, "reports.source-iac"),
        ScanSource.Aws => Texts.Get(language, "reports.source-aws"),
        _ => Texts.Get(language, "reports.source-inventory"),
    };

    private static int Rank(IEnumerable<Finding> findings) => findings.Min(finding => StatusRank(finding.Status));

    private static int StatusRank(ResultStatus status) => status switch
    {
        ResultStatus.Error => 0,
        ResultStatus.Fail => 1,
        ResultStatus.Unknown => 2,
        ResultStatus.Muted => 3,
        _ => 4,
    };

    private static string StatusStyle(ResultStatus status) => status switch
    {
        ResultStatus.Pass => "green",
        ResultStatus.Fail => "red bold",
        ResultStatus.Error => "magenta bold",
        ResultStatus.Unknown => "yellow",
        _ => "grey",
    };

    private static string SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => "white on red",
        Severity.High => "red bold",
        Severity.Medium => "yellow",
        _ => "blue",
    };
}
