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

    public static TypeConstraint Number { get; } = new PrimitiveType("number");

    public static TypeConstraint Bool { get; } = new PrimitiveType("bool");

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
        _ => throw new NotEvaluatedException("not a type Kagi understands: use string, number, bool, any, list(), set(), map(), tuple() or object()", expression.Range),
    };

    /// <summary>The type a value has as it is, as Terraform infers it (a tuple of its elements' types, …); null and unknown are any.</summary>
    public static TypeConstraint Of(TfValue value) => value switch
    {
        TfString => new PrimitiveType("string"),
        TfNumber => Number,
        TfBool => Bool,
        TfSequence { Kind: SequenceKind.Tuple } tuple => new TupleType([.. tuple.Items.Select(Of)]),
        TfSequence sequence => new CollectionType(sequence.Kind == SequenceKind.Set ? "set" : "list", Unify([.. sequence.Items.Select(Of)]) ?? Any),
        TfObject obj => new ObjectType(obj.Attributes.ToDictionary(p => p.Key, p => new ObjectAttribute(Of(p.Value), IsOptional: false, TfValue.Null), StringComparer.Ordinal)),
        _ => Any,
    };

    /// <summary>
    /// The one type all of <paramref name="types"/> convert to, as Terraform unifies the results of a conditional or
    /// the arguments of concat and coalesce: a string with a number is a string, objects with different attributes a
    /// map, tuples of different lengths a list. Null when there is none (a number with a bool, a list with a string).
    /// </summary>
    public static TypeConstraint? Unify(IReadOnlyList<TypeConstraint> types)
    {
        var known = types.Where(t => t is not AnyType).ToList();
        if (known.Count == 0)
        {
            return Any;
        }

        if (known.Skip(1).All(t => Same(t, known[0])))
        {
            return known[0];
        }

        if (known.All(t => t is PrimitiveType))
        {
            var names = known.Select(t => ((PrimitiveType)t).Name).ToHashSet(StringComparer.Ordinal);
            return names.Contains("string") ? new PrimitiveType("string") : null;
        }

        if (known.All(t => t is ObjectType))
        {
            var objects = known.Cast<ObjectType>().ToList();
            var names = objects[0].Attributes.Keys.ToHashSet(StringComparer.Ordinal);
            if (objects.All(o => o.Attributes.Count == names.Count && o.Attributes.Keys.All(names.Contains)))
            {
                var attributes = new Dictionary<string, ObjectAttribute>(StringComparer.Ordinal);
                foreach (var name in names)
                {
                    if (Unify([.. objects.Select(o => o.Attributes[name].Type)]) is not { } unified)
                    {
                        return null;
                    }

                    attributes[name] = new ObjectAttribute(unified, IsOptional: false, TfValue.Null);
                }

                return new ObjectType(attributes);
            }
        }

        if (known.All(t => t is ObjectType or CollectionType { Kind: "map" }))
        {
            return Collection("map", known.SelectMany(t => t is ObjectType o ? o.Attributes.Values.Select(a => a.Type) : [((CollectionType)t).Element]));
        }

        if (known.All(t => t is TupleType) && known.Cast<TupleType>().Select(t => t.Elements.Count).Distinct().Count() == 1)
        {
            var tuples = known.Cast<TupleType>().ToList();
            var elements = new List<TypeConstraint>();
            for (var i = 0; i < tuples[0].Elements.Count; i++)
            {
                if (Unify([.. tuples.Select(t => t.Elements[i])]) is not { } unified)
                {
                    return null;
                }

                elements.Add(unified);
            }

            return new TupleType(elements);
        }

        if (known.All(t => t is TupleType or CollectionType { Kind: "list" }))
        {
            return Collection("list", known.SelectMany(t => t is TupleType tuple ? tuple.Elements : [((CollectionType)t).Element]));
        }

        return known.All(t => t is CollectionType { Kind: "set" }) ? Collection("set", known.Select(t => ((CollectionType)t).Element)) : null;
    }

    private static CollectionType? Collection(string kind, IEnumerable<TypeConstraint> elements) =>
        Unify([.. elements]) is { } element ? new CollectionType(kind, element) : null;

    private static bool Same(TypeConstraint a, TypeConstraint b) => (a, b) switch
    {
        (AnyType, AnyType) => true,
        (PrimitiveType x, PrimitiveType y) => x.Name == y.Name,
        (CollectionType x, CollectionType y) => x.Kind == y.Kind && Same(x.Element, y.Element),
        (TupleType x, TupleType y) => x.Elements.Count == y.Elements.Count && x.Elements.Zip(y.Elements).All(p => Same(p.First, p.Second)),
        (ObjectType x, ObjectType y) => x.Attributes.Count == y.Attributes.Count
            && x.Attributes.All(p => y.Attributes.TryGetValue(p.Key, out var other) && Same(p.Value.Type, other.Type)),
        _ => false,
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
