using System.CommandLine;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting;
using Kagi.Terraform;

namespace Kagi.Cli;

/// <summary><c>kagi scan iac PATH...</c>: Terraform folders, files and plan JSON.</summary>
internal static class ScanIacCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Terraform folders, .tf / .tf.json files, or 'terraform show -json' plan files.",
            Arity = ArgumentArity.OneOrMore,
        };
        var options = new ScanOptionSet();
        var command = new Command("iac", "Scan Terraform before it is applied.") { paths };
        options.AddTo(command);
        command.SetAction(parsed =>
        {
            var settings = options.Read(parsed, error);
            if (settings is null)
            {
                return ExitCodes.BadInput;
            }

            var targets = parsed.GetValue(paths)!;
            var startedAt = DateTimeOffset.UtcNow;
            var inventory = new TerraformScanner().Scan(targets);
            var report = ScanReports.Judge(ScanSource.Iac, targets, inventory, settings, startedAt);
            return ScanOutput.Write(report, settings, FixCommandFor(targets, settings), output, error);
        });
        return command;
    }

    private static Func<Finding, string> FixCommandFor(IEnumerable<string> targets, ScanSettings settings)
    {
        var language = settings.Language == Language.Ja ? " --lang ja" : string.Empty;
        var scanned = string.Join(" ", targets.Select(Placeholders.ShellWord));
        return finding => $"kagi scan iac {scanned}{language} --fix {finding.Fingerprint[..12]}";
    }
}
