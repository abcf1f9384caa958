using System.Text;
using Kagi.Core.Localization;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Functions;
using Kagi.Terraform.Values;
using Kagi.Terraform.Variables;

namespace Kagi.Terraform.Evaluation;

/// <summary>Evaluates HCL expressions to values; what is not known before apply comes out unknown, never guessed.</summary>
/// <param name="budget">The limits this evaluation shares with the rest of its root module; fresh defaults when not given.</param>
internal sealed class ExpressionEvaluator(IReferenceResolver resolver, EvaluationBudget? budget = null)
{
    public IReferenceResolver Resolver { get; } = resolver;

    public EvaluationBudget Budget { get; } = budget ?? new EvaluationBudget(EvaluationLimits.Default);

    /// <summary>
    /// Evaluates; throws <see cref="EvaluationException"/> for what Terraform would reject, and
    /// <see cref="LimitExceededException"/> when the value would take more than the limits allow.
    /// </summary>
    public TfValue Evaluate(Expression expression, Scope scope)
    {
        Budget.Enter();
        try
        {
            return Budget.Built(EvaluateOnce(expression, scope));
        }
        finally
        {
            Budget.Leave();
        }
    }

    private TfValue EvaluateOnce(Expression expression, Scope scope) => expression switch
    {
        LiteralExpr literal => FromLiteral(literal),
        TemplateExpr { IsSingleInterpolation: true } template => Evaluate(((TemplateInterpolation)template.Parts[0]).Expression, scope),
        TemplateExpr template => Template(template.Parts, scope),
        ScopeTraversalExpr traversal => Reference(traversal, scope),
        RelativeTraversalExpr relative => Traverse(Evaluate(relative.Source, scope), relative.Steps, scope),
        SplatExpr splat => Splat(splat, scope),
        FunctionCallExpr call => Call(call, scope),
        ConditionalExpr conditional => Conditional(conditional, scope),
        BinaryExpr binary => Chain(binary, scope),
        UnaryExpr unary => At(unary.Range, () => Operators.Unary(unary.Operator, Evaluate(unary.Operand, scope))),
        TupleExpr tuple => new TfSequence([.. tuple.Items.Select(item => Evaluate(item, scope))]),
        ObjectExpr obj => Object(obj, scope),
        ForExpr forExpr => For(forExpr, scope),
        ParenthesesExpr parentheses => Evaluate(parentheses.Inner, scope),
        _ => throw new NotEvaluatedException($"Kagi does not evaluate a {expression.GetType().Name}", expression.Range),
    };

    // Operators are left-associative, so a + b + c + ... is a tree as deep as it is long: its left edge is walked
    // in a loop, not by recursion, and only the right operands (each of higher precedence, or in parentheses) recurse.
    private TfValue Chain(BinaryExpr binary, Scope scope)
    {
        var pending = new Stack<BinaryExpr>();
        Expression leftmost = binary;
        while (leftmost is BinaryExpr inner)
        {
            pending.Push(inner);
            leftmost = inner.Left;
        }

        var value = Evaluate(leftmost, scope);
        while (pending.TryPop(out var next))
        {
            Budget.Charge(1);
            var right = Evaluate(next.Right, scope);
            var left = value;
            value = At(next.Range, () => Operators.Binary(next.Operator, left, right));
        }

        return value;
    }

    public TfValue Traverse(TfValue value, IEnumerable<Traverser> steps, Scope scope)
    {
        foreach (var step in steps)
        {
            value = step switch
            {
                GetAttrStep attr => At(attr.Range, () => GetAttr(value, attr.Name)),
                IndexStep index => At(index.Range, () => Index(value, Evaluate(index.Key, scope))),
                SplatStep splat => SplatOver(value, splat.Each, scope),
                _ => throw new NotEvaluatedException("Kagi does not evaluate this traversal step", step.Range),
            };
        }

        return value;
    }

    // Errors raised without a place get the place of the expression that raised them.
    private static T At<T>(SourceRange range, Func<T> evaluate)
    {
        try
        {
            return evaluate();
        }
        catch (EvaluationException error) when (error.Range is null && error is not LimitExceededException)
        {
            throw error.Rewrap(string.Empty, range);
        }
    }

    private static TfValue FromLiteral(LiteralExpr literal) => literal.Value switch
    {
        null => TfValue.Null,
        bool b => TfValue.Of(b),
        decimal d => new TfNumber(d),
        string s => new TfString(s),
        _ => throw new NotEvaluatedException("Kagi does not evaluate this literal", literal.Range),
    };

    private static TfValue GetAttr(TfValue value, string name) => value switch
    {
        // aws_kms_key.k[*] stands for the resource; .arn narrows the origin to the attribute. Branches are whole values, not their attributes.
        TfUnknown unknown => unknown with { Origin = unknown.Origin is { Attribute: null } origin ? origin with { Attribute = name } : unknown.Origin, Branches = null },
        TfObject obj => obj.Attributes.TryGetValue(name, out var attribute)
            ? attribute
            : throw new EvaluationException($"this object does not have an attribute named \"{name}\""),
        TfNull => throw new EvaluationException($"attempt to get attribute \"{name}\" from a null value"),
        _ => throw new EvaluationException($"cannot get attribute \"{name}\" of a {value.TypeName}"),
    };

    private static TfValue Index(TfValue collection, TfValue key)
    {
        if (collection is TfUnknown whole)
        {
            return whole with { Branches = null };
        }

        if (key is TfUnknown unknown)
        {
            return new TfUnknown(unknown.Reason);
        }

        switch (collection)
        {
            case TfSequence { Kind: not SequenceKind.Set } sequence:
                var index = ValueOps.ExpectInteger(key, "a list index");
                return index >= 0 && index < sequence.Items.Count
                    ? sequence.Items[index]
                    : throw new EvaluationException($"index {index} is out of range for a {sequence.TypeName} of {sequence.Items.Count} elements");
            case TfObject obj:
                var name = ValueOps.ExpectString(key, "a map key");
                return obj.Attributes.TryGetValue(name, out var element)
                    ? element
                    : throw new EvaluationException($"the given key \"{name}\" does not identify an element of this map");
            case TfNull:
                throw new EvaluationException("cannot index a null value");
            default:
                throw new EvaluationException($"a {collection.TypeName} cannot be indexed");
        }
    }

    private TfValue Reference(ScopeTraversalExpr traversal, Scope scope)
    {
        if (scope.TryGet(traversal.Root, out var bound))
        {
            return Traverse(bound, traversal.Steps, scope);
        }

        var root = Resolver.Resolve(traversal, scope, out var stepsUsed);
        return Traverse(root, traversal.Steps.Skip(stepsUsed), scope);
    }

    private TfValue Splat(SplatExpr splat, Scope scope) => SplatOver(Evaluate(splat.Source, scope), splat.Each, scope);

    // The steps after [*] apply to each element; a single value is a list of one, null an empty list.
    private TfValue SplatOver(TfValue source, IReadOnlyList<Traverser> each, Scope scope) => source switch
    {
        TfUnknown => Traverse(source, each, scope),
        TfNull => TfSequence.Empty,
        TfSequence sequence => new TfSequence([.. sequence.Items.Select(item => Traverse(item, each, scope))]),
        _ => new TfSequence([Traverse(source, each, scope)]),
    };

    private TfValue Call(FunctionCallExpr call, Scope scope)
    {
        switch (call.Name)
        {
            case "try":
                return Try(call, scope);
            case "can":
                return Can(call, scope);
        }

        var arguments = call.Arguments.Select(argument => Evaluate(argument, scope)).ToList();
        if (!FunctionTable.TryGet(call.Name, out var function))
        {
            return FunctionTable.IsNotEvaluated(call.Name)
                ? new TfUnknown(Texts.Canonical("reasons.function-not-evaluated", ("function", call.Name)))
                : throw new EvaluationException($"call to unknown function \"{call.Name}\"", call.Range);
        }

        if (call.ExpandFinal && arguments.Count > 0)
        {
            var last = arguments[^1];
            if (last is TfUnknown unknown)
            {
                return new TfUnknown(unknown.Reason);
            }

            arguments.RemoveAt(arguments.Count - 1);
            arguments.AddRange(At(call.Range, () => ValueOps.ExpectSequence(last, "the expanded argument")));
        }

        // A function's work grows with what it reads and what it builds: both count against the steps. One that
        // accepts unknowns does not look for them deep inside its arguments, so only their top level is counted.
        Budget.ChargeReading(function.Picks ? arguments.OfType<TfString>() : arguments, whole: !function.AcceptsUnknown);
        var result = At(call.Range, () => function.Invoke(call.Name, arguments, this));
        if (!function.Picks)
        {
            Budget.ChargeReading([result], whole: !function.AcceptsUnknown);
        }

        return result;
    }

    // try() returns the first argument that evaluates without error; an unknown one stays unknown (keeping its origin).
    private TfValue Try(FunctionCallExpr call, Scope scope)
    {
        foreach (var argument in call.Arguments)
        {
            try
            {
                return Evaluate(argument, scope);
            }
            catch (EvaluationException error) when (error.IsTerraformError)
            {
                // Try the next alternative: that is what try() is for.
            }
        }

        throw new EvaluationException("no argument of try() could be evaluated without an error", call.Range);
    }

    private TfValue Can(FunctionCallExpr call, Scope scope)
    {
        if (call.Arguments.Count != 1)
        {
            throw new EvaluationException("can() takes exactly one argument", call.Range);
        }

        try
        {
            var value = Evaluate(call.Arguments[0], scope);
            return ValueOps.FirstUnknown(value) is { } unknown ? new TfUnknown(unknown.Reason) : TfValue.True;
        }
        catch (EvaluationException error) when (error.IsTerraformError)
        {
            return TfValue.False;
        }
    }

    private TfValue Conditional(ConditionalExpr conditional, Scope scope)
    {
        var condition = Evaluate(conditional.Condition, scope);
        if (condition is not TfUnknown unknownCondition)
        {
            var chosen = At(conditional.Condition.Range, () => ValueOps.ExpectBool(condition, "the condition"));
            var (taken, notTaken) = chosen ? (conditional.TrueResult, conditional.FalseResult) : (conditional.FalseResult, conditional.TrueResult);
            var result = Evaluate(taken, scope);
            return At(conditional.Range, () => ConsistentResult(result, OtherBranchType(notTaken, scope)));
        }

        // Whichever branch is taken, both stand for the same resource attribute: keep that origin.
        // Otherwise the result is one of the branches, which the key resolver can still judge together.
        var whenTrue = Evaluate(conditional.TrueResult, scope);
        var whenFalse = Evaluate(conditional.FalseResult, scope);
        return whenTrue is TfUnknown { Origin: { } origin } && whenFalse is TfUnknown { Origin: { } other } && origin.Address == other.Address
            ? whenTrue
            : new TfUnknown(Texts.Canonical("reasons.condition-after-apply", ("reason", unknownCondition.Reason)), Branches: [.. Alternatives(whenTrue), .. Alternatives(whenFalse)]);
    }

    // Terraform gives both results of a conditional one type: `c ? 1 : "a"` is "1" either way, and `c ? 1 : [1]` is
    // an error whichever branch is taken.
    private static TfValue ConsistentResult(TfValue result, TypeConstraint otherType) =>
        TypeConstraint.Unify([TypeConstraint.Of(result), otherType]) is { } type
            ? type.Convert(result)
            : throw new EvaluationException("the true and false results of the conditional must have consistent types");

    // The branch not taken only lends its type; an error in it is Terraform's to ignore too, though an operator
    // that failed still has its result's type (a failed "+" is a number).
    private TypeConstraint OtherBranchType(Expression branch, Scope scope)
    {
        try
        {
            return TypeConstraint.Of(Evaluate(branch, scope));
        }
        catch (EvaluationException error) when (error is not LimitExceededException)
        {
            return ResultType(branch);
        }
    }

    private static TypeConstraint ResultType(Expression expression) => expression switch
    {
        ParenthesesExpr parentheses => ResultType(parentheses.Inner),
        BinaryExpr { Operator: BinaryOperator.Add or BinaryOperator.Subtract or BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo } => TypeConstraint.Number,
        BinaryExpr => TypeConstraint.Bool,
        UnaryExpr { Operator: UnaryOperator.Negate } => TypeConstraint.Number,
        UnaryExpr => TypeConstraint.Bool,
        _ => TypeConstraint.Any,
    };

    private static IEnumerable<TfValue> Alternatives(TfValue value) => value is TfUnknown { Branches: { } branches } ? branches : [value];

    private TfValue Object(ObjectExpr obj, Scope scope)
    {
        var attributes = new Dictionary<string, TfValue>(StringComparer.Ordinal);
        foreach (var item in obj.Items)
        {
            var key = Evaluate(item.Key, scope);
            if (key is TfUnknown unknown)
            {
                return new TfUnknown(Texts.Canonical("reasons.object-key-after-apply", ("reason", unknown.Reason)));
            }

            var name = At(item.Key.Range, () => ValueOps.ExpectString(key, "an object key"));
            if (!attributes.TryAdd(name, Evaluate(item.Value, scope)))
            {
                throw new EvaluationException($"duplicate object attribute \"{name}\"", item.Key.Range);
            }
        }

        return new TfObject(attributes);
    }

    private TfValue For(ForExpr forExpr, Scope scope)
    {
        var collection = Evaluate(forExpr.Collection, scope);
        if (collection is TfUnknown unknown)
        {
            return new TfUnknown(unknown.Reason);
        }

        var elements = At(forExpr.Collection.Range, () => Elements(collection).ToList());
        var tupleItems = new List<TfValue>();
        var objectItems = new Dictionary<string, List<TfValue>>(StringComparer.Ordinal);
        foreach (var (elementKey, element) in elements)
        {
            Budget.Charge(1);
            var inner = scope.With(forExpr.KeyVariable, elementKey, forExpr.ValueVariable, element);
            if (forExpr.Condition is not null)
            {
                var keep = Evaluate(forExpr.Condition, inner);
                if (keep is TfUnknown unknownCondition)
                {
                    return new TfUnknown(unknownCondition.Reason);
                }

                if (!ValueOps.ExpectBool(keep, "the for-expression's condition"))
                {
                    continue;
                }
            }

            var value = Evaluate(forExpr.ValueResult, inner);
            if (forExpr.KeyResult is null)
            {
                tupleItems.Add(value);
                continue;
            }

            var key = Evaluate(forExpr.KeyResult, inner);
            if (key is TfUnknown unknownKey)
            {
                return new TfUnknown(unknownKey.Reason);
            }

            var name = ValueOps.TryString(key) ?? throw new EvaluationException($"a for-expression key must be a string, not {key.TypeName}", forExpr.KeyResult.Range);
            if (objectItems.TryGetValue(name, out var group))
            {
                if (!forExpr.Grouping)
                {
                    throw new EvaluationException($"duplicate key \"{name}\" in for-expression; use ... to group", forExpr.KeyResult.Range);
                }

                group.Add(value);
            }
            else
            {
                objectItems[name] = [value];
            }
        }

        return forExpr.KeyResult is null
            ? new TfSequence(tupleItems)
            : new TfObject(objectItems.Select(p => KeyValuePair.Create(p.Key, forExpr.Grouping ? new TfSequence(p.Value) : p.Value[0])));
    }

    /// <summary>What for-expressions and template for-directives iterate: index or key, and element.</summary>
    public static IEnumerable<KeyValuePair<TfValue, TfValue>> Elements(TfValue collection) => collection switch
    {
        TfSequence sequence => sequence.Items.Select((item, i) => KeyValuePair.Create<TfValue, TfValue>(sequence.Kind == SequenceKind.Set ? item : new TfNumber(i), item)),
        TfObject obj => obj.Attributes.Select(p => KeyValuePair.Create<TfValue, TfValue>(new TfString(p.Key), p.Value)),
        TfNull => throw new EvaluationException("cannot iterate over a null value"),
        _ => throw new EvaluationException($"cannot iterate over a {collection.TypeName}"),
    };

    private TfValue Template(IReadOnlyList<TemplatePart> parts, Scope scope)
    {
        var text = new StringBuilder();
        TfUnknown? unknown = null;
        foreach (var part in parts)
        {
            var piece = part switch
            {
                TemplateLiteral literal => new TfString(literal.Text),
                TemplateInterpolation interpolation => Interpolate(interpolation, scope),
                TemplateIf directive => If(directive, scope),
                TemplateFor directive => ForDirective(directive, scope),
                _ => throw new NotEvaluatedException("Kagi does not evaluate this template part", part.Range),
            };
            if (piece is TfUnknown pieceUnknown)
            {
                unknown ??= new TfUnknown(pieceUnknown.Reason);
            }
            else
            {
                Budget.CheckLength((long)text.Length + ((TfString)piece).Value.Length);
                text.Append(((TfString)piece).Value);
            }
        }

        return (TfValue?)unknown ?? new TfString(text.ToString());
    }

    private TfValue Interpolate(TemplateInterpolation interpolation, Scope scope)
    {
        var value = Evaluate(interpolation.Expression, scope);
        return value switch
        {
            TfUnknown => value,
            TfNull => throw new EvaluationException("a template cannot interpolate a null value", interpolation.Range),
            _ => new TfString(ValueOps.TryString(value) ?? throw new EvaluationException($"a template cannot interpolate a {value.TypeName}", interpolation.Range)),
        };
    }

    private TfValue If(TemplateIf directive, Scope scope)
    {
        var condition = Evaluate(directive.Condition, scope);
        if (condition is TfUnknown)
        {
            return condition;
        }

        var chosen = At(directive.Range, () => ValueOps.ExpectBool(condition, "the template condition"));
        return Template(chosen ? directive.Then : directive.Else, scope);
    }

    private TfValue ForDirective(TemplateFor directive, Scope scope)
    {
        var collection = Evaluate(directive.Collection, scope);
        if (collection is TfUnknown)
        {
            return collection;
        }

        var text = new StringBuilder();
        foreach (var (key, value) in At(directive.Range, () => Elements(collection).ToList()))
        {
            Budget.Charge(1);
            var piece = At(directive.Range, () => Template(directive.Body, scope.With(directive.KeyVariable, key, directive.ValueVariable, value)));
            if (piece is TfUnknown)
            {
                return piece;
            }

            Budget.CheckLength((long)text.Length + ((TfString)piece).Value.Length);
            text.Append(((TfString)piece).Value);
        }

        return new TfString(text.ToString());
    }
}
