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
        Description = "A CloudFormation parameter as KEY=VALUE, as 'aws cloudformation deploy --parameter-overrides'; repeat for more. Later --parameter and --parameters-file win.",
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
                if (StackParameters.Assignment(text) is null)
                {
                    // A parse error: reported before --lang is read, so in English.
                    result.AddError(Texts.Get(Language.En, "cli.cloudformation-parameter-malformed", ("option", _parameters.Name), ("value", text)));
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
        var diagnostics = new List<ScanDiagnostic>();
        foreach (var (option, text) in OptionOrder.InOrderTyped(parsed, _files, _parameters))
        {
            try
            {
                foreach (var (key, value) in option == _files ? StackParameters.Parse(File.ReadAllText(text)) : [StackParameters.Assignment(text)!.Value])
                {
                    values[key] = value;
                }
            }
            catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
            {
                var message = error is FormatException ? error.Message : Texts.Canonical("reasons.cannot-read", ("error", error.Message));
                diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, message, new SourceLocation(text, 1)));
            }
        }

        return (new CloudFormationScanOptions { Parameters = values }, diagnostics);
    }

    /// <summary>The parameters files, to repeat in a printed command; --parameter values are not, as they may be secrets.</summary>
    public IReadOnlyList<string> Files(ParseResult parsed) => parsed.GetValue(_files) ?? [];
}
