using Kagi.Hcl.Syntax;

namespace Kagi.Terraform.Tests.Support;

/// <summary>Builds syntax trees by hand, so evaluation is tested apart from the parser.</summary>
internal static class Hcl
{
    public static SourceRange Line(int line, string file = "main.tf") => new(file, new SourcePos(line, 1, 0), new SourcePos(line, 1, 0));

    public static SourceRange At { get; } = Line(1);

    public static LiteralExpr Lit(object? value) => new(value is int i ? (decimal)i : value, At);

    public static LiteralExpr Str(string value) => new(value, At);

    /// <summary><c>a.b.c</c>; a step written <c>[0]</c> or <c>["k"]</c> is an index.</summary>
    public static ScopeTraversalExpr Ref(string path, int line = 1)
    {
        var parts = path.Split('.');
        var steps = new List<Traverser>();
        foreach (var part in parts.Skip(1))
        {
            var open = part.IndexOf('[', StringComparison.Ordinal);
            var name = open < 0 ? part : part[..open];
            if (name.Length > 0)
            {
                steps.Add(new GetAttrStep(name, Line(line)));
            }

            if (open >= 0)
            {
                var key = part[(open + 1)..^1];
                steps.Add(new IndexStep(key.StartsWith('"') ? Str(key.Trim('"')) : Lit(int.Parse(key, System.Globalization.CultureInfo.InvariantCulture)), Line(line)));
            }
        }

        return new ScopeTraversalExpr(parts[0], steps, Line(line));
    }

    public static FunctionCallExpr Call(string name, params Expression[] arguments) => new(name, arguments, false, At);

    public static BinaryExpr Binary(BinaryOperator op, Expression left, Expression right) => new(op, left, right, At);

    public static ConditionalExpr If(Expression condition, Expression whenTrue, Expression whenFalse) => new(condition, whenTrue, whenFalse, At);

    public static TupleExpr Tuple(params Expression[] items) => new(items, At);

    public static ObjectExpr Object(params (string Key, Expression Value)[] items) =>
        new([.. items.Select(i => new ObjectItem(Str(i.Key), i.Value))], At);

    /// <summary>A template: strings are literal text, expressions are interpolations.</summary>
    public static TemplateExpr Template(params object[] parts) =>
        new([.. parts.Select(p => p is Expression e ? (TemplatePart)new TemplateInterpolation(e, At) : new TemplateLiteral((string)p, At))], At);

    public static ForExpr ForTuple(string value, Expression collection, Expression result, Expression? condition = null) =>
        new(null, value, collection, null, result, condition, false, At);

    public static ForExpr ForObject(string key, string value, Expression collection, Expression keyResult, Expression result, bool grouping = false) =>
        new(key, value, collection, keyResult, result, null, grouping, At);

    public static Block Resource(string type, string name, int line, params (string Name, Expression Value)[] arguments) =>
        new("resource", [type, name], Body(arguments), Line(line), Line(line));

    public static Block Data(string type, string name, int line, params (string Name, Expression Value)[] arguments) =>
        new("data", [type, name], Body(arguments), Line(line), Line(line));

    private static Body Body((string Name, Expression Value)[] arguments) =>
        new([.. arguments.Select(a => new HclAttribute(a.Name, a.Value, a.Value.Range, a.Value.Range))], [], At);
}
