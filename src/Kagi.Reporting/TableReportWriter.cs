using System.Text.RegularExpressions;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kagi.Reporting;

/// <summary>
/// The human report: one table per rule, most severe first, coloured by severity where the terminal allows. Every value
/// from the code or the cloud goes through <see cref="TerminalText"/>: the table is read on a terminal.
/// </summary>
public sealed partial class TableReportWriter : IReportWriter
{
    public string Format => "table";

    /// <summary>How the user asks for one finding's fix; the CLI sets it to the command that was run.</summary>
    public Func<Finding, string>? FixCommand { get; init; }

    /// <summary>The columns to draw in; null for <see cref="TerminalWidth"/> on standard output and 132 elsewhere.</summary>
    public int? Width { get; init; }

    // A table's cell padding and the border characters of three columns.
    private const int TableOverhead = 10;

    private static readonly int StatusWidth = Enum.GetValues<ResultStatus>().Max(status => status.ToName().Length);

    public void Write(ScanReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);

        // Drawn into a buffer first, so the padding Spectre leaves at the end of each line can be cut; the buffer is
        // emptied after each rule's table, so it holds one table, not the whole report.
        var onTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        using var buffer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(buffer),
            Ansi = onTerminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = onTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        console.Profile.Width = Width ?? (ReferenceEquals(output, Console.Out) ? TerminalWidth.Of(Environment.GetEnvironmentVariable, TerminalWidth.Terminal) : TerminalWidth.WithoutTerminal);

        var language = report.Language;
        console.MarkupLineInterpolated($"[bold]Kagi {ToolInfo.Version}[/] · {SourceName(report.Source, language)}: {TerminalText.Line(string.Join(", ", report.Targets))} · {Texts.Get(language, "reports.minimum-key-level")}: {report.Options.MinKeyLevel.ToName()}");
        console.WriteLine();

        // Most severe rule first; within a severity, the rules with failures before those that only passed. Read in that
        // order: a finding is built only to draw its row, and a rule's rows are drawn a run at a time.
        var verdicts = report.Verdicts;
        RuleTable? table = null;
        foreach (var index in FindingOrder.ByRuleMostUrgentFirst(verdicts))
        {
            if (table is null || verdicts.RuleAt(index).Id != table.RuleId)
            {
                table?.End();
                table = new RuleTable(this, console, verdicts, index, language, () => WriteLines(buffer, output, final: false));
            }

            table.Add(index);
        }

        table?.End();

        if (verdicts.Count == 0)
        {
            console.WriteLine(Texts.Get(language, "reports.nothing-judged"));
        }

        WriteDiagnostics(console, report.Diagnostics, language);
        WriteSummary(console, report, language);
        WriteLines(buffer, output, final: true);
    }

    // Writes the lines drawn so far, their trailing padding cut, and empties the buffer; until the final call, a line
    // not yet ended stays in it.
    private static void WriteLines(StringWriter buffer, TextWriter output, bool final)
    {
        var drawn = buffer.GetStringBuilder();
        var text = drawn.ToString();
        var end = final ? text.Length : text.LastIndexOf('\n') + 1;
        if (end == 0)
        {
            return;
        }

        foreach (var line in (text[end - 1] == '\n' ? text[..(end - 1)] : text[..end]).Split('\n'))
        {
            output.WriteLine(TrailingSpaces().Replace(line.TrimEnd('\r'), string.Empty));
        }

        drawn.Remove(0, end);
    }

    /// <summary>The rows a table holds at once: a rule of many findings is drawn as runs of rows, each written before the next.</summary>
    public const int RowsPerTable = 100;

    /// <summary>The names a PASS row lists before it only counts the rest.</summary>
    public const int PassedNamesShown = 50;

    /// <summary>
    /// One rule's title and tables, its positions added in order: those needing attention drawn as runs of rows, each
    /// written before the next; then one row naming the first passing resources and counting the rest.
    /// </summary>
    private sealed class RuleTable
    {
        private readonly TableReportWriter _writer;
        private readonly IAnsiConsole _console;
        private readonly VerdictSet _verdicts;
        private readonly Language _language;
        private readonly Action _flush;
        private readonly int _resourceWidth;
        private readonly int _messageWidth;
        private readonly List<int> _run = [];
        private readonly List<string> _passedNames = [];
        private int _passed;
        private bool _drawnAny;

        public RuleTable(TableReportWriter writer, IAnsiConsole console, VerdictSet verdicts, int first, Language language, Action flush)
        {
            (_writer, _console, _verdicts, _language, _flush) = (writer, console, verdicts, language, flush);
            var rule = verdicts.RuleAt(first);
            RuleId = rule.Id;
            console.Write(new Rule($"[{SeverityStyle(rule.Severity)}]{rule.Severity.ToName().ToUpperInvariant()}[/] [bold]{Markup.Escape(rule.Id)}[/]")
            {
                Justification = Justify.Left,
            });
            console.WriteLine(FindingText.Render(verdicts[first], language).Title);

            // Identifiers are broken at their separators by Kagi, at a resource column width it chose, not mid-token by Spectre.
            var inside = console.Profile.Width - TableOverhead - StatusWidth;
            _resourceWidth = Math.Clamp(inside * 2 / 5, 16, 64);
            _messageWidth = Math.Max(inside - _resourceWidth, 16);
        }

        public string RuleId { get; }

        public void Add(int index)
        {
            if (_verdicts.StatusAt(index) == ResultStatus.Pass)
            {
                _passed++;
                if (_passedNames.Count < PassedNamesShown)
                {
                    _passedNames.Add(_verdicts.ResourceAt(index).Id);
                }

                return;
            }

            // A full run is drawn once another row comes: the last run, full or not, also holds the PASS row.
            if (_run.Count == RowsPerTable)
            {
                Draw(last: false);
            }

            _run.Add(index);
        }

        public void End() => Draw(last: true);

        private void Draw(bool last)
        {
            var table = NewTable(_language, _resourceWidth, headers: !_drawnAny);
            foreach (var index in _run)
            {
                _writer.AddRow(table, _verdicts[index], _language, _resourceWidth, _messageWidth);
            }

            // Passing resources are named but kept to one row: what needs attention stays on screen.
            if (last && _passed > 0)
            {
                var names = string.Join(", ", _passedNames);
                var more = _passed <= PassedNamesShown ? names : names + Texts.Get(_language, "reports.more-resources", ("count", _passed - PassedNamesShown));
                table.AddRow(
                    new Markup($"[{StatusStyle(ResultStatus.Pass)}]{ResultStatus.Pass.ToName()}[/]"),
                    new Text(Texts.Get(_language, "reports.resource-count", ("count", _passed))),
                    new Text(IdentifierBreaks.InText(TerminalText.Line(more), _messageWidth)));
            }

            _console.Write(table);
            _run.Clear();
            _drawnAny = true;
            _flush();
        }
    }

    private static Table NewTable(Language language, int resourceWidth, bool headers)
    {
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumn(new TableColumn(Markup.Escape(Texts.Get(language, "reports.column-status"))) { Width = StatusWidth });
        table.AddColumn(new TableColumn(Markup.Escape(Texts.Get(language, "reports.column-resource"))) { Width = resourceWidth });
        table.AddColumn(Markup.Escape(Texts.Get(language, "reports.column-message")));
        return headers ? table : table.HideHeaders();
    }

    private void AddRow(Table table, Finding finding, Language language, int resourceWidth, int messageWidth)
    {
        var text = FindingText.Render(finding, language);
        var message = new List<IRenderable> { new Text(IdentifierBreaks.InText(TerminalText.Block(text.Message), messageWidth)) };
        if (finding.Status is ResultStatus.Fail && FixCommand is not null)
        {
            var fix = IdentifierBreaks.InText($"{Texts.Get(language, "reports.fix")}: {TerminalText.Line(FixCommand(finding))}", messageWidth);
            message.Add(new Markup($"[dim]{Markup.Escape(fix)}[/]"));
        }

        table.AddRow(
            new Markup($"[{StatusStyle(finding.Status)}]{finding.Status.ToName()}[/]"),
            new Rows(new Text(Broken(finding.Resource.Id, resourceWidth)), new Markup($"[dim]{Markup.Escape(Broken(ResourcePlace.Of(finding.Resource), resourceWidth))}[/]")),
            new Rows(message));
    }

    private static string Broken(string identifier, int width) => string.Join('\n', IdentifierBreaks.Lines(TerminalText.Line(identifier), width));

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
            .OrderBy(FindingOrder.Rank)
            .Select(status => $"[{StatusStyle(status)}]{status.ToName()} {report.Count(status)}[/]");
        console.MarkupLine($"{Markup.Escape(Texts.Get(language, "reports.summary"))}: {string.Join(" · ", counts)}");
    }

    private static string SourceName(ScanSource source, Language language) => source switch
    {
        ScanSource.Iac => Texts.Get(language, "reports.source-iac"),
        ScanSource.Aws => Texts.Get(language, "reports.source-aws"),
        _ => Texts.Get(language, "reports.source-inventory"),
    };

    private static string StatusStyle(ResultStatus status) => status switch
    {
        ResultStatus.Pass => "green",
        ResultStatus.Fail => "red bold",
        ResultStatus.Error => "magenta bold",
        ResultStatus.Unknown => "yellow",
        _ => "grey",
    };

    // Spaces at the end of a line, before any colour codes that close it.
    [GeneratedRegex(@" +(?=(\u001b\[[0-9;]*m)*$)")]
    private static partial Regex TrailingSpaces();

    private static string SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => "white on red",
        Severity.High => "red bold",
        Severity.Medium => "yellow",
        _ => "blue",
    };
}
