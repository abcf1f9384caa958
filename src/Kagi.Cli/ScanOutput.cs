using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting;

namespace Kagi.Cli;

/// <summary>Writes a finished scan where the user asked, and decides the exit code.</summary>
internal static class ScanOutput
{
    /// <param name="inventory">What the scan read: its keys and what each protects are stored with the scan.</param>
    public static int Write(ScanReport report, Inventory inventory, ScanSettings settings, TimeProvider time, Func<Finding, string> fixCommand, TextWriter output, TextWriter error)
    {
        // Mutes from the store must show in every report, so the scan is stored before anything is written.
        var stored = ScanStore.Record(report, inventory, settings, time, error);
        report = stored.Report;
        var code = WriteReports(report, settings, fixCommand, output, error);
        return stored.Succeeded ? code : Math.Max(code, ExitCodes.BadInput);
    }

    private static int WriteReports(ScanReport report, ScanSettings settings, Func<Finding, string> fixCommand, TextWriter output, TextWriter error)
    {
        if (settings.Fix is { } fix)
        {
            return WriteFix(report, settings, fix, output, error);
        }

        var unwritten = false;
        var printed = settings.Print.Apply(report);
        foreach (var request in settings.Reports)
        {
            IReportWriter writer = request.Format == "table"
                ? new TableReportWriter { FixCommand = fixCommand }
                : ReportWriters.Find(request.Format)!;
            if (request.Path is { } path)
            {
                try
                {
                    using var file = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
                    writer.Write(printed, file);
                    error.WriteLine($"kagi: {Texts.Get(settings.Language, "cli.report-written", ("format", request.Format), ("path", path))}");
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // The other reports are still written: one unwritable path must not cost the rest.
                    error.WriteLine($"kagi: error: {Texts.Get(settings.Language, "cli.report-unwritable", ("format", request.Format), ("path", path), ("reason", exception.Message))}");
                    unwritten = true;
                }
            }
            else
            {
                writer.Write(printed, output);
            }
        }

        // Parse errors must be seen even when the reports go to files or are for a machine; the table on the terminal already shows them.
        if (!settings.Reports.Any(request => request is { Format: "table", Path: null }))
        {
            foreach (var diagnostic in report.Diagnostics)
            {
                error.WriteLine($"kagi: {diagnostic.Severity.ToString().ToLowerInvariant()}: {TerminalText.Line(diagnostic.ToString(settings.Language))}");
            }
        }

        var code = ScanStore.ExitCode(report, settings, error);
        return unwritten ? Math.Max(code, ExitCodes.BadInput) : code;
    }

    private static int WriteFix(ScanReport report, ScanSettings settings, string fix, TextWriter output, TextWriter error)
    {
        var verdicts = report.Verdicts;
        var chosen = fix == "all"
            ? verdicts.Where(index => verdicts.StatusAt(index) == ResultStatus.Fail)
            : verdicts.Where(index => verdicts.FingerprintAt(index).StartsWith(fix, StringComparison.OrdinalIgnoreCase));
        if (chosen.Count == 0)
        {
            error.WriteLine($"kagi: {Texts.Get(settings.Language, "cli.no-finding-to-fix", ("fingerprint", fix))}");
            return ExitCodes.BadInput;
        }

        // A passing finding has no fix: its remediation template would only print placeholders nobody needs to fill.
        foreach (var passed in Enumerable.Range(0, chosen.Count).Where(index => chosen.StatusAt(index) == ResultStatus.Pass))
        {
            output.WriteLine(StoredFinding.NothingToFix(settings.Language, resolved: false, chosen.FingerprintAt(passed), chosen.RuleAt(passed).Id, chosen.ResourceAt(passed).Id));
        }

        FixWriter.Write(chosen.Where(index => chosen.StatusAt(index) != ResultStatus.Pass), settings.Language, output);
        return ScanStore.ExitCode(report, settings, error);
    }
}
