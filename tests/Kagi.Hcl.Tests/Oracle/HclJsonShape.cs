using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Kagi.Hcl.Syntax;

namespace Kagi.Hcl.Tests.Oracle;

/// <summary>
/// Renders our syntax tree the way @cdktf/hcl2json renders HashiCorp's: literals as JSON values, tuples and objects
/// element by element, templates as their text with each interpolation as <c>${source}</c>, anything else as
/// <c>${source text}</c>, and blocks as arrays of bodies nested under their type and labels.
/// </summary>
internal sealed class HclJsonShape(string text)
{
    public static JsonObject Render(ConfigFile file, string text) => new HclJsonShape(text).Body(file.Body);

    private JsonObject Body(Body body)
    {
        var result = new JsonObject();
        foreach (var attribute in body.Attributes)
        {
            result[attribute.Name] = Expression(attribute.Value);
        }

        foreach (var block in body.Blocks)
        {
            var target = result;
            var key = block.Type;
            foreach (var label in block.Labels)
            {
                if (target[key] is not JsonObject inner)
                {
                    inner = [];
                    target[key] = inner;
                }

                target = inner;
                key = label;
            }

            if (target[key] is not JsonArray list)
            {
                list = [];
                target[key] = list;
            }

            list.Add(Body(block.Body));
        }

        return result;
    }

    private JsonNode? Expression(Expression expression) => expression switch
    {
        LiteralExpr literal => Literal(literal.Value),
        UnaryExpr { Operand: LiteralExpr { Value: decimal number }, Operator: UnaryOperator.Negate } => JsonValue.Create(-number),
        UnaryExpr { Operand: LiteralExpr { Value: bool flag }, Operator: UnaryOperator.Not } => JsonValue.Create(!flag),
        TemplateExpr { IsSingleInterpolation: true } template => Expression(((TemplateInterpolation)template.Parts[0]).Expression),
        TemplateExpr template => JsonValue.Create(Parts(template.Parts)),
        TupleExpr tuple => new JsonArray([.. tuple.Items.Select(Expression)]),
        ObjectExpr obj => Object(obj),
        _ => JsonValue.Create(Wrap(expression)),
    };

    private JsonObject Object(ObjectExpr obj)
    {
        var result = new JsonObject();
        foreach (var item in obj.Items)
        {
            result[Key(item.Key)] = Expression(item.Value);
        }

        return result;
    }

    private string Key(Expression key) => key switch
    {
        LiteralExpr literal => LiteralText(literal.Value),
        TemplateExpr template => Parts(template.Parts),
        ScopeTraversalExpr traversal => Source(traversal),
        _ => Wrap(key),
    };

    private static JsonValue? Literal(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(Escape(s)),
        decimal d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        _ => throw new InvalidOperationException($"unexpected literal {value.GetType()}"),
    };

    private static string LiteralText(object? value) => value switch
    {
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        null => "null",
        _ => Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    /// <summary>hcl2json writes literal text as JSON-syntax templates, where a literal <c>${</c> or <c>%{</c> must be doubled.</summary>
    private static string Escape(string literal) =>
        literal.Replace("${", "$${", StringComparison.Ordinal).Replace("%{", "%%{", StringComparison.Ordinal);

    private string Parts(IEnumerable<TemplatePart> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(Part(part));
        }

        return builder.ToString();
    }

    /// <summary>hcl2json shows a conditional interpolation as an if directive, which is how HCL represents both.</summary>
    private string Part(TemplatePart part) => part switch
    {
        TemplateLiteral literal => Escape(literal.Text),
        TemplateInterpolation { Expression: LiteralExpr literal } => LiteralText(literal.Value),
        TemplateInterpolation { Expression: TemplateExpr inner } => Parts(inner.Parts),
        TemplateInterpolation { Expression: ConditionalExpr conditional } =>
            If(conditional.Condition, InterpolationText(conditional.TrueResult), InterpolationText(conditional.FalseResult)),
        TemplateInterpolation interpolation => Wrap(interpolation.Expression),
        TemplateIf directive => If(directive.Condition, Parts(directive.Then), Parts(directive.Else)),
        TemplateFor loop =>
            $"%{{for {(loop.KeyVariable is null ? string.Empty : loop.KeyVariable + ", ")}{loop.ValueVariable} in {Source(loop.Collection)}}}{Parts(loop.Body)}%{{endfor}}",
        _ => throw new InvalidOperationException($"unexpected template part {part.GetType()}"),
    };

    private string InterpolationText(Expression expression) =>
        Part(new TemplateInterpolation(expression, expression.Range));

    private string If(Expression condition, string whenTrue, string whenFalse) =>
        $"%{{if {Source(condition)}}}{whenTrue}{(whenFalse.Length > 0 ? "%{else}" + whenFalse : string.Empty)}%{{endif}}";

    private string Wrap(Expression expression) => "${" + Source(expression) + "}";

    private string Source(Expression expression) =>
        text[expression.Range.Start.Offset..expression.Range.End.Offset];
}
