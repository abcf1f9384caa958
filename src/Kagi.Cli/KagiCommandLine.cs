using System.CommandLine;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Rules;

namespace Kagi.Cli;

/// <summary>The command line of docs/contract.md; the composition root of the CLI.</summary>
public static class KagiCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(time);
        var root = new RootCommand("Kagi (鍵): finds AWS misconfigurations in live accounts and in Terraform, and explains each fix in English and Japanese.");
        var scan = new Command("scan", "Scan Terraform, a live AWS account, or a saved inventory.");
        scan.Subcommands.Add(ScanIacCommand.Create(output, error, time));
        scan.Subcommands.Add(ScanAwsCommand.Create(output, error, time));
        scan.Subcommands.Add(ScanInventoryCommand.Create(output, error, time));
        root.Subcommands.Add(scan);
        root.Subcommands.Add(RulesCommand.Create(output, error));
        root.Subcommands.Add(FindingsCommand.Create(output, error, time));
        root.Subcommands.Add(KeysCommand.Create(output, error, time));
        root.Subcommands.Add(ServeCommand.Create(output, error, time));
        DistributedMode.AddCommands(root, output, error, time);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"kagi: {parseError.Message}");
            }

            // The command line did not parse, so --lang was not read: English.
            error.WriteLine(Texts.Get(Language.En, "cli.usage-hint"));
            return ExitCodes.BadInput;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
#pragma warning disable CA1031 // The safety net: whatever escapes a command is reported in one line and exits 2, never as a stack trace and exit 1 ("failing findings").
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // Whatever command failed, its --lang is out of reach here: English.
            error.WriteLine(InternalError(exception, file: null, Language.En));
            return ExitCodes.BadInput;
        }
    }

    /// <summary>
    /// How an exception no command expected is reported: <c>kagi: internal error in FILE: message</c>, the file being
    /// the input that was being read, when one is known. <c>KAGI_DEBUG=1</c> adds the stack trace, for a bug report.
    /// </summary>
    public static string InternalError(Exception exception, string? file, Language language)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = file is null
            ? Texts.Get(language, "cli.internal-error", ("message", exception.Message))
            : Texts.Get(language, "cli.internal-error-in-file", ("file", file), ("message", exception.Message));
        var trace = Environment.GetEnvironmentVariable("KAGI_DEBUG") is "1" ? Environment.NewLine + exception : string.Empty;
        return TerminalText.Block($"kagi: {message}{trace}");
    }
}
