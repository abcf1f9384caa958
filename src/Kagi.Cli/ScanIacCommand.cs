using System.CommandLine;
using System.CommandLine.Parsing;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Reporting;
using Kagi.Rules;
using Kagi.Terraform;

namespace Kagi.Cli;

/// <summary><c>kagi scan iac PATH...</c>: Terraform folders, files and plan JSON, and CloudFormation templates.</summary>
internal static class ScanIacCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider time)
    {
        var paths = OptionLikeArguments.Refused(new Argument<string[]>("PATH")
        {
            Description = "Terraform folders, .tf / .tf.json files, 'terraform show -json' plan files, or CloudFormation templates (YAML or JSON, found by content).",
            Arity = ArgumentArity.OneOrMore,
        });
        var varFiles = new Option<string[]>("--var-file")
        {
            Description = "A Terraform variables file, as 'terraform plan -var-file'; repeat for more.",
        };
        var vars = new Option<string[]>("--var")
        {
            Description = "A variable as NAME=VALUE, as 'terraform plan -var'; repeat for more. Later --var and --var-file win.",
        };
        var allowOutside = new Option<string[]>("--allow-outside")
        {
            Description = "A folder or file outside PATH that the configuration may read (module sources, file()); repeat for more. Nothing else outside PATH is read.",
        };
        var options = new ScanOptionSet();
        var limits = new EvaluationLimitOptions();
        var cloudFormation = new CloudFormationOptions();
        var command = new Command("iac", "Scan Terraform and CloudFormation before they are applied.") { paths, varFiles, vars, allowOutside };
        options.AddTo(command);
        limits.AddTo(command);
        cloudFormation.AddTo(command);
        command.SetAction(parsed =>
        {
            var settings = options.Read(parsed, error);
            if (settings is null)
            {
                return ExitCodes.BadInput;
            }

            if (ScanStore.WriteStoredFix(settings, time, output, error) is { } storedFix)
            {
                return storedFix;
            }

            var targets = parsed.GetValue(paths)!;
            var startedAt = time.GetUtcNow();
            var scanOptions = new TerraformScanOptions
            {
                // Terraform applies -var and -var-file in the order typed.
                Variables = [.. OptionOrder.InOrderTyped(parsed, varFiles, vars).Select(v => v.Option == varFiles ? CommandLineVariable.File(v.Value) : CommandLineVariable.Assignment(v.Value))],
                Environment = TerraformScanOptions.ProcessEnvironment(),
                AllowOutside = parsed.GetValue(allowOutside) ?? [],
                Limits = limits.Read(parsed),
            };
            var (templateOptions, parameterDiagnostics) = cloudFormation.Read(parsed);
            var inventory = IacSources.Scan(targets, scanOptions, templateOptions, parameterDiagnostics);
            var report = ScanReports.Judge(ScanSource.Iac, targets, inventory, settings, startedAt, time);
            return ScanOutput.Write(report, inventory, settings, time, FixCommandFor(targets, scanOptions, cloudFormation.Files(parsed), settings), output, error);
        });
        return command;
    }

    // The variable and parameters files and allowed paths are repeated so that the fix sees the same values; --var and
    // --parameter values are not, as they may be secrets.
    private static Func<Finding, string> FixCommandFor(IEnumerable<string> targets, TerraformScanOptions scanOptions, IEnumerable<string> parameterFiles, ScanSettings settings)
    {
        var language = settings.Language == Language.Ja ? " --lang ja" : string.Empty;
        var varFiles = scanOptions.Variables.Where(v => v.IsFile).Select(v => $" --var-file {Placeholders.ShellWord(v.Text)}");
        var allowed = scanOptions.AllowOutside.Select(path => $" --allow-outside {Placeholders.ShellWord(path)}");
        var parameters = parameterFiles.Select(path => $" --parameters-file {Placeholders.ShellWord(path)}");
        var scanned = string.Join(" ", targets.Select(Placeholders.ShellWord)) + string.Concat(varFiles) + string.Concat(allowed) + string.Concat(parameters);
        return finding => $"kagi scan iac {scanned}{language} --fix {finding.Fingerprint[..12]}";
    }
}
