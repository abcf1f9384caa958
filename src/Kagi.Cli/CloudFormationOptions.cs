using System.CommandLine;
using Kagi.CloudFormation;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Cli;

/// <summary>The options of <c>kagi scan iac</c> that give CloudFormation templates their parameter values.</summary>
internal sealed class CloudFormationOptions
{
    private readonly Option<string[]> _parameters = new("--parameter")
    {
        Description = "A CloudFormation parameter as KEY=VALUE, as 'aws cloudformation deploy --parameter-overrides'; repeat for more. Later --parameter and --parameters-file win. AWS::AccountId, AWS::Region and AWS::StackName give those pseudo-parameters.",
        HelpName = "KEY=VALUE",
    };

    private readonly Option<string[]> _files = new("--parameters-file")
    {
        Description = "A CloudFormation parameters file: [\"Key=Value\", ...], {\"Parameters\": {...}}, or create-stack's [{\"ParameterKey\": ..., \"ParameterValue\": ...}]; repeat for more.",
        HelpName = "FILE",
    };

    public CloudFormationOptions()
    {
        _parameters.Validators.Add(result =>
        {
            foreach (var text in result.GetValueOrDefault<string[]>() ?? [])
            {
                // Parse errors: reported before --lang is read, so in English.
                if (StackParameters.Assignment(text) is not { Key: var key })
                {
                    result.AddError(Texts.Get(Language.En, "cli.cloudformation-parameter-malformed", ("option", _parameters.Name), ("value", text)));
                }
                else if (NotGivable(key))
                {
                    result.AddError(Texts.Get(Language.En, "reasons.cloudformation-pseudo-parameter-not-givable", ("name", key), ("names", GivableNames)));
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_parameters);
        command.Options.Add(_files);
    }

    /// <summary>The parameter values in the order typed; a parameters file that cannot be read is a diagnostic, the scan goes on.</summary>
    public (CloudFormationScanOptions Options, List<ScanDiagnostic> Diagnostics) Read(ParseResult parsed)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var fromFile = new Dictionary<string, string>(StringComparer.Ordinal);
        var diagnostics = new List<ScanDiagnostic>();
        foreach (var (option, text) in OptionOrder.InOrderTyped(parsed, _files, _parameters))
        {
            try
            {
                foreach (var (key, value) in option == _files ? StackParameters.Parse(File.ReadAllText(text)) : [StackParameters.Assignment(text)!.Value])
                {
                    values[key] = value;
                    fromFile[key] = text;
                }
            }
            catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
            {
                var message = error is FormatException ? error.Message : Texts.Canonical("reasons.cannot-read", ("error", error.Message));
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, message, new SourceLocation(text, 1)));
            }
        }

        // A parameters file naming a pseudo-parameter no scan takes is reported with the file, as its other errors are
        // (the same on the command line is refused as usage).
        foreach (var (name, file) in fromFile.Where(pair => NotGivable(pair.Key)))
        {
            diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, Texts.Canonical("reasons.cloudformation-pseudo-parameter-not-givable", ("name", name), ("names", GivableNames)), new SourceLocation(file, 1)));
        }

        return (CloudFormationScanOptions.From(values), diagnostics);
    }

    private static string GivableNames => string.Join(", ", CloudFormationScanOptions.GivenPseudoParameters);

    // The AWS:: names are CloudFormation's own: no stack parameter can have one.
    private static bool NotGivable(string name) => name.StartsWith("AWS::", StringComparison.Ordinal) && !CloudFormationScanOptions.GivenPseudoParameters.Contains(name);

    /// <summary>The parameters files, to repeat in a printed command; --parameter values are not, as they may be secrets.</summary>
    public IReadOnlyList<string> Files(ParseResult parsed) => parsed.GetValue(_files) ?? [];
}
