using System.CommandLine;

namespace Kagi.Cli;

/// <summary>The command line of DESIGN.md; the composition root of the CLI.</summary>
public static class KagiCommandLine
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("Kagi (鍵): finds AWS misconfigurations in live accounts and in Terraform, and explains each fix in English and Japanese.");
        var scan = new Command("scan", "Scan Terraform, a live AWS account, or a saved inventory.");
        scan.Subcommands.Add(ScanIacCommand.Create(output, error));
        scan.Subcommands.Add(ScanAwsCommand.Create(output, error));
        scan.Subcommands.Add(ScanInventoryCommand.Create(output, error));
        root.Subcommands.Add(scan);
        root.Subcommands.Add(RulesCommand.Create(output, error));
        root.Subcommands.Add(FindingsCommand.Create(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));

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

        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
