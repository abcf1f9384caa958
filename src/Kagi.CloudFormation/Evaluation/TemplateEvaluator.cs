using System.Globalization;
using System.Text;
using Kagi.CloudFormation.Reading;
using Kagi.Core.Model;

namespace Kagi.CloudFormation.Evaluation;

/// <summary>
/// Evaluates a template's intrinsic functions where their inputs are known: parameters (given, or their defaults),
/// pseudo-parameters (when given), mappings and conditions. A <c>Ref</c> or <c>Fn::GetAtt</c> to a resource is known
/// only once deployed: an unknown value that names the resource. Bad input (an unknown function, a reference to
/// nothing, a condition that depends on itself) is a diagnostic at its line, and the value is unknown.
/// </summary>
internal sealed partial class TemplateEvaluator
{
    private readonly string _file;
    private readonly CloudFormationScanOptions _options;
    private readonly List<ScanDiagnostic> _diagnostics;
    private readonly MappingNode _parameters;
    private readonly MappingNode _mappings;
    private readonly MappingNode _conditions;
    private readonly MappingNode _resources;
    private readonly Dictionary<string, TemplateValue> _conditionValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conditionsInProgress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _dependencies = new(StringComparer.Ordinal);
    private string? _resource;

    public TemplateEvaluator(string file, MappingNode template, CloudFormationScanOptions options, List<ScanDiagnostic> diagnostics)
    {
        _file = file;
        _options = options;
        _diagnostics = diagnostics;
        var empty = new MappingNode([], 1);
        _parameters = template.Get("Parameters") as MappingNode ?? empty;
        _mappings = template.Get("Mappings") as MappingNode ?? empty;
        _conditions = template.Get("Conditions") as MappingNode ?? empty;
        _resources = template.Get("Resources") as MappingNode ?? empty;
    }

    /// <summary>The resources each resource names through <c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c> or <c>DependsOn</c>, as evaluated so far.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Dependencies => _dependencies;

    /// <summary>Evaluates a node of the resource <paramref name="resource"/> (null outside resources).</summary>
    public TemplateValue Evaluate(TemplateNode node, string? resource)
    {
        _resource = resource;
        return Evaluate(node);
    }

    /// <summary>Notes that <paramref name="resource"/> depends on <paramref name="other"/> (its <c>DependsOn</c>).</summary>
    public void DependsOn(string resource, string other, int line)
    {
        if (IsResource(other))
        {
            Dependency(resource, other);
        }
        else
        {
            Error(EvaluationTexts.UndefinedReference(other), line);
        }
    }

    /// <summary>A named condition: known true or false, or unknown with the reason.</summary>
    public TemplateValue Condition(string name, int line)
    {
        if (_conditionValues.TryGetValue(name, out var known))
        {
            return known;
        }

        if (_conditions.Get(name) is not { } node)
        {
            return Error(EvaluationTexts.UndefinedReference(name), line);
        }

        if (!_conditionsInProgress.Add(name))
        {
            return Error(EvaluationTexts.CircularCondition(name), node.Line);
        }

        var saved = _resource;
        _resource = null;
        var value = Evaluate(node) switch
        {
            TemplateText { Value: "true" or "false" } text => (TemplateValue)text,
            TemplateUnknown unknown => new TemplateUnknown(EvaluationTexts.ConditionUnknown(name, unknown.Reason)),
            _ => Error(EvaluationTexts.BadArguments(name), node.Line),
        };
        _resource = saved;
        _conditionsInProgress.Remove(name);
        _conditionValues[name] = value;
        return value;
    }

    private TemplateValue Evaluate(TemplateNode node) => node switch
    {
        ScalarNode { Value: null } => TemplateValue.Null,
        ScalarNode scalar => new TemplateText(scalar.Value),
        SequenceNode sequence => new TemplateList([.. sequence.Items.Select(Evaluate).Where(item => item is not TemplateNoValue)]),
        MappingNode { Single: { } single } mapping when IsFunction(single) => Function(single.Key, single.Value, mapping.Line),
        MappingNode mapping => new TemplateMap([.. mapping.Entries
            .Select(entry => new KeyValuePair<string, TemplateValue>(entry.Key, Evaluate(entry.Value)))
            .Where(entry => entry.Value is not TemplateNoValue)]),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    // {"Condition": "Name"} is a function only with a name; an IAM policy's "Condition" holds a mapping.
    private static bool IsFunction(MappingEntry entry) =>
        entry.Key is "Ref" || entry.Key.StartsWith("Fn::", StringComparison.Ordinal) || (entry.Key == "Condition" && entry.Value is ScalarNode);

    private TemplateValue Ref(TemplateNode argument, int line)
    {
        if (Evaluate(argument) is not TemplateText { Value: var name })
        {
            return Error(EvaluationTexts.BadArguments("Ref"), line);
        }

        if (name.StartsWith("AWS::", StringComparison.Ordinal))
        {
            return Pseudo(name, line);
        }

        if (_parameters.Get(name) is MappingNode parameter)
        {
            return Parameter(name, parameter);
        }

        return IsResource(name) ? Resource(name, attribute: null) : Error(EvaluationTexts.UndefinedReference(name), line);
    }

    private TemplateUnknown Resource(string logicalId, string? attribute)
    {
        if (_resource is { } from)
        {
            Dependency(from, logicalId);
        }

        var origin = new ResourceOrigin(logicalId, attribute);
        return new TemplateUnknown(EvaluationTexts.AfterDeploy(origin), origin);
    }

    private void Dependency(string from, string to)
    {
        if (!_dependencies.TryGetValue(from, out var set))
        {
            _dependencies[from] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(to);
    }

    private bool IsResource(string name) => _resources.Get(name) is not null;

    private TemplateValue Pseudo(string name, int line)
    {
        string? Known(string? value) => value;
        var value = name switch
        {
            "AWS::NoValue" => null,
            "AWS::Region" => Known(_options.Region),
            "AWS::AccountId" => Known(_options.AccountId),
            "AWS::StackName" => Known(_options.StackName),
            "AWS::Partition" => _options.Region is { } region ? AwsPartitions.Of(region) : null,
            "AWS::URLSuffix" => _options.Region is { } region ? AwsPartitions.DnsSuffix(AwsPartitions.Of(region)) : null,
            "AWS::StackId" or "AWS::NotificationARNs" => null,
            _ => "",
        };
        return name switch
        {
            "AWS::NoValue" => TemplateValue.NoValue,
            _ when value == "" => Error(EvaluationTexts.UndefinedReference(name), line),
            "AWS::Partition" or "AWS::URLSuffix" when value is null => new TemplateUnknown(EvaluationTexts.RegionNotGiven(name)),
            "AWS::StackId" or "AWS::NotificationARNs" => new TemplateUnknown(EvaluationTexts.PseudoParameterAfterDeploy(name)),
            _ when value is null => new TemplateUnknown(EvaluationTexts.PseudoParameterNotGiven(name)),
            _ => new TemplateText(value),
        };
    }

    private TemplateValue Parameter(string name, MappingNode parameter)
    {
        var type = (parameter.Get("Type") as ScalarNode)?.Value ?? "String";
        if (type.StartsWith("AWS::SSM::Parameter::Value", StringComparison.Ordinal))
        {
            return new TemplateUnknown(EvaluationTexts.ParameterFromSsm(name));
        }

        var text = _options.Parameters.TryGetValue(name, out var given) ? given
            : parameter.Get("Default") is ScalarNode { Value: { } fallback } ? fallback
            : null;
        if (text is null)
        {
            return new TemplateUnknown(EvaluationTexts.ParameterNotGiven(name));
        }

        return type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal)
            ? new TemplateList([.. text.Split(',').Select(item => new TemplateText(item.Trim()))])
            : new TemplateText(text);
    }

    private TemplateUnknown Error(string message, int line)
    {
        _diagnostics.Add(new ScanDiagnostic(DiagnosticSeverity.Error, message, new SourceLocation(_file, line)));
        return new TemplateUnknown(message);
    }

    private static TemplateValue Bounded(string text, Func<TemplateValue> tooLong) =>
        text.Length > TemplateLimits.MaxStringLength ? tooLong() : new TemplateText(text);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
