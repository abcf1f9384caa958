using System.CommandLine;
using System.CommandLine.Parsing;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Kagi.Terraform;

namespace Kagi.Cli;

/// <summary>The options of <c>kagi scan iac</c> that set how much work evaluating untrusted Terraform may do.</summary>
internal sealed class EvaluationLimitOptions
{
    private readonly Option<int> _maxInstances = Positive("--max-instances", "Instances one resource or module may expand to with count or for_each; past it, it is scanned once with its instances unknown.", EvaluationLimits.Default.MaxInstances);

    private readonly Option<int> _maxStringLength = Positive("--max-string-length", "Characters in a string a function or template may build; past it, the value is unknown.", EvaluationLimits.Default.MaxStringLength);

    private readonly Option<int> _maxCollectionElements = Positive("--max-collection-elements", "Elements, nested ones included, in a list or map an expression may build; past it, the value is unknown.", EvaluationLimits.Default.MaxCollectionElements);

    private readonly Option<int> _regexTimeout = Positive("--regex-timeout", "Milliseconds one regular expression in replace() may run; past it, the value is unknown.", (int)EvaluationLimits.Default.RegexTimeout.TotalMilliseconds);

    private readonly Option<long> _maxEvaluationSteps = Positive("--max-evaluation-steps", "Evaluation steps for one root module and the modules it calls; past it, what is left is unknown.", EvaluationLimits.Default.MaxEvaluationSteps);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _maxInstances, _maxStringLength, _maxCollectionElements, _regexTimeout, _maxEvaluationSteps })
        {
            command.Options.Add(option);
        }
    }

    public EvaluationLimits Read(ParseResult parsed) => new()
    {
        MaxInstances = parsed.GetValue(_maxInstances),
        MaxStringLength = parsed.GetValue(_maxStringLength),
        MaxCollectionElements = parsed.GetValue(_maxCollectionElements),
        RegexTimeout = TimeSpan.FromMilliseconds(parsed.GetValue(_regexTimeout)),
        MaxEvaluationSteps = parsed.GetValue(_maxEvaluationSteps),
    };

    private static Option<T> Positive<T>(string name, string description, T defaultValue)
        where T : struct, System.Numerics.INumber<T>
    {
        var option = new Option<T>(name) { Description = description, DefaultValueFactory = _ => defaultValue, HelpName = "N" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T>() <= T.Zero)
            {
                // A parse error: reported before --lang is read, so in English.
                result.AddError(Texts.Get(Language.En, "cli.positive-number", ("option", name)));
            }
        });
        return option;
    }
}
