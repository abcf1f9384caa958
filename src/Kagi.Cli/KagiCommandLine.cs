using System.CommandLine;
using Kagi.Core.Findings;

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
        root.Subcommands.Add(ServeCommand.Create(output, error, time));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine($"kagi: {parseError.Message}");
            }

            error.WriteLine("Run 'kagi --help' for usage.");
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
            error.WriteLine(InternalError(exception, file: null));
            return ExitCodes.BadInput;
        }
    }

    /// <summary>
    /// How an exception no command expected is reported: <c>kagi: internal error in FILE: message</c>, the file being
    /// the input that was being read, when one is known. <c>KAGI_DEBUG=1</c> adds the stack trace, for a bug report.
    /// </summary>
    public static string InternalError(Exception exception, string? file)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = file is null ? string.Empty : $" in {file}";
        var trace = Environment.GetEnvironmentVariable("KAGI_DEBUG") is "1" ? Environment.NewLine + exception : string.Empty;
        return TerminalText.Block($"kagi: internal error{where}: {exception.Message}{trace}");
    }
}
