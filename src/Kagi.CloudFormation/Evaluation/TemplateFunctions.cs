using System.Text;
using Kagi.CloudFormation.Reading;

namespace Kagi.CloudFormation.Evaluation;

/// <summary>The intrinsic functions: each gives a known value when its arguments are known, otherwise an unknown one with the first reason met.</summary>
internal sealed partial class TemplateEvaluator
{
    private TemplateValue Function(string name, TemplateNode argument, int line) => name switch
    {
        "Ref" => Ref(argument, line),
        "Condition" => Condition(((ScalarNode)argument).Value ?? string.Empty, line),
        "Fn::GetAtt" => GetAtt(argument, line),
        "Fn::Sub" => Sub(argument, line),
        "Fn::If" => If(argument, line),
        "Fn::Join" => Arguments(argument, 2) is [var delimiter, var list] ? Join(Evaluate(delimiter), Evaluate(list), line) : Error(EvaluationTexts.BadArguments(name), line),
        "Fn::Select" => Arguments(argument, 2) is [var index, var list] ? Select(Evaluate(index), Evaluate(list), line) : Error(EvaluationTexts.BadArguments(name), line),
        "Fn::Split" => Arguments(argument, 2) is [var delimiter, var source] ? Split(Evaluate(delimiter), Evaluate(source), line) : Error(EvaluationTexts.BadArguments(name), line),
        "Fn::FindInMap" => FindInMap(argument, line),
        "Fn::Equals" => Arguments(argument, 2) is [var left, var right] ? Equals(Evaluate(left), Evaluate(right)) : Error(EvaluationTexts.BadArguments(name), line),
        "Fn::And" => Logical(argument, line, name, all: true),
        "Fn::Or" => Logical(argument, line, name, all: false),
        "Fn::Not" => Arguments(argument, 1) is [var operand] ? Not(Evaluate(operand), line) : Error(EvaluationTexts.BadArguments(name), line),
        "Fn::Base64" => Evaluate(argument) switch
        {
            TemplateText text => Bounded(Base64(text.Value), () => Error(TemplateTexts.StringTooLong(), line)),
            TemplateUnknown unknown => unknown,
            _ => Error(EvaluationTexts.BadArguments(name), line),
        },
        "Fn::ImportValue" => Evaluate(argument) is var exported && Unknown(exported) is { } unknown ? unknown : new TemplateUnknown(EvaluationTexts.Imported(exported.Describe())),
        "Fn::GetAZs" or "Fn::Cidr" or "Fn::Length" or "Fn::ToJsonString" or "Fn::Transform" => Unknown(Evaluate(argument)) ?? new TemplateUnknown(EvaluationTexts.NotEvaluated(name)),
        _ => Error(EvaluationTexts.UnknownFunction(name), line),
    };

    // A function's argument list, when it has the expected length.
    private static IReadOnlyList<TemplateNode>? Arguments(TemplateNode argument, int count) =>
        argument is SequenceNode { Items: var items } && items.Count == count ? items : null;

    private static TemplateUnknown? Unknown(params TemplateValue[] values) => values.OfType<TemplateUnknown>().FirstOrDefault();

    private TemplateUnknown GetAtt(TemplateNode argument, int line)
    {
        var parts = Evaluate(argument) switch
        {
            TemplateText { Value: var dotted } when dotted.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot => (dotted[..dot], dotted[(dot + 1)..]),
            TemplateList { Items: [TemplateText resource, TemplateText named] } => (resource.Value, named.Value),
            _ => ((string, string)?)null,
        };
        return parts is not var (logicalId, attribute) ? Error(EvaluationTexts.BadArguments("Fn::GetAtt"), line)
            : IsResource(logicalId) ? Resource(logicalId, attribute)
            : Error(EvaluationTexts.UndefinedReference(logicalId), line);
    }

    private TemplateValue If(TemplateNode argument, int line)
    {
        if (Arguments(argument, 3) is not [ScalarNode { Value: { } condition }, var whenTrue, var whenFalse])
        {
            return Error(EvaluationTexts.BadArguments("Fn::If"), line);
        }

        return Condition(condition, line) switch
        {
            TemplateText { Value: "true" } => Evaluate(whenTrue),
            TemplateText => Evaluate(whenFalse),
            var unknown => (Evaluate(whenTrue), Evaluate(whenFalse)) is var (left, right) && left == right ? left : unknown,
        };
    }

    private TemplateValue Join(TemplateValue delimiter, TemplateValue list, int line) => (delimiter, list) switch
    {
        _ when Unknown(delimiter, list) is { } unknown => unknown,
        (TemplateText separator, TemplateList { Items: var items }) when Unknown([.. items]) is { } unknown => unknown,
        (TemplateText separator, TemplateList { Items: var items }) when items.All(item => item is TemplateText) =>
            Bounded(string.Join(separator.Value, items.Cast<TemplateText>().Select(item => item.Value)), () => Error(Reading.TemplateTexts.StringTooLong(), line)),
        _ => Error(EvaluationTexts.BadArguments("Fn::Join"), line),
    };

    private TemplateValue Select(TemplateValue index, TemplateValue list, int line) => (index, list) switch
    {
        _ when Unknown(index) is { } unknown => unknown,
        (TemplateText { Value: var text }, TemplateList { Items: var items }) when int.TryParse(text, out var at) && at >= 0 && at < items.Count => items[at],
        (TemplateText, TemplateUnknown unknown) => unknown,
        _ => Error(EvaluationTexts.BadArguments("Fn::Select"), line),
    };

    private TemplateValue Split(TemplateValue delimiter, TemplateValue source, int line) => (delimiter, source) switch
    {
        _ when Unknown(delimiter, source) is { } unknown => unknown,
        (TemplateText { Value.Length: > 0 } separator, TemplateText text) => new TemplateList([.. text.Value.Split(separator.Value).Select(part => new TemplateText(part))]),
        _ => Error(EvaluationTexts.BadArguments("Fn::Split"), line),
    };

    private TemplateValue FindInMap(TemplateNode argument, int line)
    {
        if (argument is not SequenceNode { Items.Count: 3 or 4 } sequence)
        {
            return Error(EvaluationTexts.BadArguments("Fn::FindInMap"), line);
        }

        var keys = sequence.Items.Take(3).Select(Evaluate).ToList();
        if (Unknown([.. keys]) is { } unknown)
        {
            return unknown;
        }

        if (keys is not [TemplateText map, TemplateText top, TemplateText second])
        {
            return Error(EvaluationTexts.BadArguments("Fn::FindInMap"), line);
        }

        return _mappings.Get(map.Value) is MappingNode mapping && mapping.Get(top.Value) is MappingNode level && level.Get(second.Value) is { } found
            ? Evaluate(found)
            : Error(EvaluationTexts.NotInMapping($"{map.Value}.{top.Value}.{second.Value}"), line);
    }

    private static TemplateValue Equals(TemplateValue left, TemplateValue right) =>
        (TemplateValue?)Unknown(left, right) ?? Bool(left == right);

    private TemplateValue Logical(TemplateNode argument, int line, string name, bool all)
    {
        if (argument is not SequenceNode { Items.Count: >= 1 } sequence)
        {
            return Error(EvaluationTexts.BadArguments(name), line);
        }

        var operands = sequence.Items.Select(Evaluate).ToList();
        if (operands.Any(operand => operand is not (TemplateText { Value: "true" or "false" } or TemplateUnknown)))
        {
            return Error(EvaluationTexts.BadArguments(name), line);
        }

        // One false decides an And, one true an Or, whatever the unknown operands are.
        var deciding = Bool(!all);
        return operands.Contains(deciding) ? deciding : (TemplateValue?)Unknown([.. operands]) ?? Bool(all);
    }

    private TemplateValue Not(TemplateValue operand, int line) => operand switch
    {
        TemplateText { Value: "true" } => Bool(false),
        TemplateText { Value: "false" } => Bool(true),
        TemplateUnknown unknown => unknown,
        _ => Error(EvaluationTexts.BadArguments("Fn::Not"), line),
    };

    private static TemplateText Bool(bool value) => new(value ? "true" : "false");

    private TemplateValue Sub(TemplateNode argument, int line)
    {
        var (template, variables) = argument switch
        {
            ScalarNode scalar => (Evaluate(scalar), null),
            SequenceNode { Items: [var written, MappingNode map] } => (Evaluate(written), map),
            _ => (null, null),
        };
        if (template is TemplateUnknown unknownTemplate)
        {
            return unknownTemplate;
        }

        if (template is not TemplateText { Value: var text })
        {
            return Error(EvaluationTexts.BadArguments("Fn::Sub"), line);
        }

        var built = new StringBuilder();
        var position = 0;
        TemplateUnknown? unknown = null;
        while (text.IndexOf("${", position, StringComparison.Ordinal) is var open and >= 0)
        {
            var close = text.IndexOf('}', open);
            if (close < 0)
            {
                break;
            }

            built.Append(text, position, open - position);
            var name = text[(open + 2)..close];
            position = close + 1;
            if (name.StartsWith('!'))
            {
                built.Append("${").Append(name[1..]).Append('}');
                continue;
            }

            var value = Variable(name.Trim(), variables, line);
            if (open == 0 && position == text.Length)
            {
                return value;
            }

            if (value is TemplateUnknown unknownPart)
            {
                // What follows the last unknown part is still known: an alias ARN's name, for one.
                unknown ??= unknownPart;
                built.Clear();
                continue;
            }

            if (value is not TemplateText known)
            {
                return Error(EvaluationTexts.BadArguments("Fn::Sub"), line);
            }

            built.Append(known.Value);
            if (built.Length > TemplateLimits.MaxStringLength)
            {
                return Error(TemplateTexts.StringTooLong(), line);
            }
        }

        built.Append(text, position, text.Length - position);
        return unknown is not null ? new TemplateUnknown(unknown.Reason) { KnownEnd = built.Length > 0 ? built.ToString() : null, Written = text }
            : Bounded(built.ToString(), () => Error(TemplateTexts.StringTooLong(), line));
    }

    // ${Name}: the Sub's own variables, then a parameter, pseudo-parameter or resource; ${Resource.Attribute}: Fn::GetAtt.
    private TemplateValue Variable(string name, MappingNode? variables, int line)
    {
        if (variables?.Get(name) is { } given)
        {
            return Evaluate(given);
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal)
            ? GetAtt(new ScalarNode(name, line), line)
            : Ref(new ScalarNode(name, line), line);
    }
}
