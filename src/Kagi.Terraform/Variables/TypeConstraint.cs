using Kagi.Hcl.Syntax;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Variables;

/// <summary>
/// A variable's declared <c>type</c>, and Terraform's conversion of a given value to it ("3" to 3 for a number,
/// a tuple to a set, optional object attributes filled in). Unknowns stay unknown; values never appear in errors.
/// </summary>
internal abstract record TypeConstraint
{
    public static TypeConstraint Any { get; } = new AnyType();

    /// <summary>Reads a type expression; <paramref name="evaluate"/> gives <c>optional()</c> defaults their value.</summary>
    public static TypeConstraint Parse(Expression? expression, Func<Expression, TfValue> evaluate) => expression switch
    {
        null => Any,
        ScopeTraversalExpr { Steps.Count: 0, Root: "any" } => Any,
        ScopeTraversalExpr { Steps.Count: 0, Root: "string" or "number" or "bool" } primitive => new PrimitiveType(primitive.Root),
        FunctionCallExpr { Name: "list" or "set" or "map", Arguments.Count: 1 } call => new CollectionType(call.Name, Parse(call.Arguments[0], evaluate)),
        FunctionCallExpr { Name: "tuple", Arguments: [TupleExpr items] } => new TupleType([.. items.Items.Select(i => Parse(i, evaluate))]),
        FunctionCallExpr { Name: "object", Arguments: [ObjectExpr attributes] } => new ObjectType(attributes.Items.ToDictionary(
            item => AttributeName(item.Key),
            item => Attribute(item.Value, evaluate),
            StringComparer.Ordinal)),
        _ => throw new EvaluationException("not a type Kagi understands: use string, number, bool, any, list(), set(), map(), tuple() or object()", expression.Range),
    };

    /// <summary>True for string, number, bool and any: a value given as raw text is then taken as a string.</summary>
    public bool TakesRawText => this is AnyType or PrimitiveType;

    /// <summary>The value converted to this type; throws <see cref="EvaluationException"/> when Terraform would reject it.</summary>
    public TfValue Convert(TfValue value) => value switch
    {
        TfUnknown or TfNull => value,
        _ => ConvertKnown(value),
    };

    protected abstract TfValue ConvertKnown(TfValue value);

    private static string AttributeName(Expression key) => key switch
    {
        ScopeTraversalExpr { Steps.Count: 0 } name => name.Root,
        LiteralExpr { Value: string name } => name,
        TemplateExpr { Parts: [TemplateLiteral literal] } => literal.Text,
        _ => throw new EvaluationException("an object type's attribute name must be a plain name", key.Range),
    };

    private static ObjectAttribute Attribute(Expression type, Func<Expression, TfValue> evaluate) => type switch
    {
        FunctionCallExpr { Name: "optional", Arguments.Count: 1 or 2 } optional => new ObjectAttribute(
            Parse(optional.Arguments[0], evaluate),
            IsOptional: true,
            optional.Arguments.Count == 2 ? evaluate(optional.Arguments[1]) : TfValue.Null),
        _ => new ObjectAttribute(Parse(type, evaluate), IsOptional: false, TfValue.Null),
    };

    private sealed record AnyType : TypeConstraint
    {
        protected override TfValue ConvertKnown(TfValue value) => value;
    }

    private sealed record PrimitiveType(string Name) : TypeConstraint
    {
        protected override TfValue ConvertKnown(TfValue value) => Name switch
        {
            "string" => ValueOps.TryString(value) is { } text ? new TfString(text) : null,
            "number" => ValueOps.TryNumber(value) is { } number ? new TfNumber(number) : null,
            _ => ValueOps.TryBool(value) is { } flag ? TfValue.Of(flag) : null,
        } ?? throw new EvaluationException($"a {value.TypeName} cannot be converted to {Name}");
    }

    private sealed record CollectionType(string Kind, TypeConstraint Element) : TypeConstraint
    {
        protected override TfValue ConvertKnown(TfValue value) => (Kind, value) switch
        {
            ("list", TfSequence sequence) => new TfSequence([.. sequence.Items.Select(Element.Convert)], SequenceKind.List),
            ("set", TfSequence sequence) => ValueOps.ToSet(sequence.Items.Select(Element.Convert)),
            ("map", TfObject map) => new TfObject(map.Attributes.Select(p => KeyValuePair.Create(p.Key, Element.Convert(p.Value)))),
            _ => throw new EvaluationException($"a {value.TypeName} cannot be converted to {Kind}"),
        };
    }

    private sealed record TupleType(IReadOnlyList<TypeConstraint> Elements) : TypeConstraint
    {
        protected override TfValue ConvertKnown(TfValue value) => value is TfSequence sequence && sequence.Items.Count == Elements.Count
            ? new TfSequence([.. sequence.Items.Zip(Elements, (item, type) => type.Convert(item))])
            : throw new EvaluationException($"a {value.TypeName} cannot be converted to a tuple of {Elements.Count} elements");
    }

    private sealed record ObjectAttribute(TypeConstraint Type, bool IsOptional, TfValue Default);

    private sealed record ObjectType(IReadOnlyDictionary<string, ObjectAttribute> Attributes) : TypeConstraint
    {
        protected override TfValue ConvertKnown(TfValue value)
        {
            var given = value as TfObject ?? throw new EvaluationException($"a {value.TypeName} cannot be converted to an object");
            return new TfObject(Attributes.Select(p => KeyValuePair.Create(p.Key, given.Attributes.TryGetValue(p.Key, out var attribute) && attribute is not TfNull
                ? p.Value.Type.Convert(attribute)
                : p.Value.IsOptional ? p.Value.Type.Convert(p.Value.Default) : throw new EvaluationException($"attribute \"{p.Key}\" is required"))));
        }
    }
}
