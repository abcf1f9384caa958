namespace Kagi.Hcl.Syntax;

/// <summary>An HCL expression. <see cref="Range"/> covers exactly the expression's source text.</summary>
public abstract record Expression(SourceRange Range);

/// <summary>A literal: <c>null</c>, <c>true</c>/<c>false</c>, a number (<see cref="decimal"/>), or a string with no interpolation.</summary>
public sealed record LiteralExpr(object? Value, SourceRange Range) : Expression(Range);

/// <summary>A quoted string or heredoc with interpolations and/or directives. A heredoc's indentation is already removed for <c>&lt;&lt;-</c>.</summary>
public sealed record TemplateExpr(IReadOnlyList<TemplatePart> Parts, SourceRange Range) : Expression(Range)
{
    /// <summary>True for a template that is exactly one interpolation, <c>"${x}"</c>, whose value is x itself, not a string.</summary>
    public bool IsSingleInterpolation => Parts is [TemplateInterpolation];
}

/// <summary>A piece of a template.</summary>
public abstract record TemplatePart(SourceRange Range);

/// <summary>Literal text, escapes already decoded (<c>$${</c> and <c>%%{</c> become <c>${</c> and <c>%{</c>).</summary>
public sealed record TemplateLiteral(string Text, SourceRange Range) : TemplatePart(Range);

/// <summary><c>${ expr }</c>; strip markers (<c>~</c>) are already applied to neighbouring literals.</summary>
public sealed record TemplateInterpolation(Expression Expression, SourceRange Range) : TemplatePart(Range);

/// <summary><c>%{ if cond }...%{ else }...%{ endif }</c>.</summary>
public sealed record TemplateIf(Expression Condition, IReadOnlyList<TemplatePart> Then, IReadOnlyList<TemplatePart> Else, SourceRange Range) : TemplatePart(Range);

/// <summary><c>%{ for k, v in coll }...%{ endfor }</c>.</summary>
public sealed record TemplateFor(string? KeyVariable, string ValueVariable, Expression Collection, IReadOnlyList<TemplatePart> Body, SourceRange Range) : TemplatePart(Range);

/// <summary>A reference that starts with a name: <c>var.x</c>, <c>aws_kms_key.k.arn</c>, <c>local.m["a"]</c>, <c>count.index</c>.</summary>
public sealed record ScopeTraversalExpr(string Root, IReadOnlyList<Traverser> Steps, SourceRange Range) : Expression(Range);

/// <summary>A step of a traversal.</summary>
public abstract record Traverser(SourceRange Range);

/// <summary><c>.name</c>.</summary>
public sealed record GetAttrStep(string Name, SourceRange Range) : Traverser(Range);

/// <summary><c>[expr]</c>, or the legacy <c>.0</c> (as a literal number key).</summary>
public sealed record IndexStep(Expression Key, SourceRange Range) : Traverser(Range);

/// <summary>Attribute access or indexing on something that is not a plain name: <c>f(x).a</c>, <c>(x)[0]</c>.</summary>
public sealed record RelativeTraversalExpr(Expression Source, IReadOnlyList<Traverser> Steps, SourceRange Range) : Expression(Range);

/// <summary><c>source[*].a.b</c> (full splat) or <c>source.*.a.b</c> (attribute-only splat): <see cref="Each"/> is applied to every element.</summary>
public sealed record SplatExpr(Expression Source, IReadOnlyList<Traverser> Each, bool IsFullSplat, SourceRange Range) : Expression(Range);

/// <summary><c>name(args...)</c>, with <c>...</c> after the last argument when <see cref="ExpandFinal"/>.</summary>
public sealed record FunctionCallExpr(string Name, IReadOnlyList<Expression> Arguments, bool ExpandFinal, SourceRange Range) : Expression(Range);

/// <summary><c>cond ? a : b</c>.</summary>
public sealed record ConditionalExpr(Expression Condition, Expression TrueResult, Expression FalseResult, SourceRange Range) : Expression(Range);

/// <summary>Binary operators, by HCL precedence from lowest: <c>||</c>; <c>&amp;&amp;</c>; <c>== !=</c>; <c>&lt; &lt;= &gt; &gt;=</c>; <c>+ -</c>; <c>* / %</c>.</summary>
public enum BinaryOperator
{
    Or,
    And,
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

public sealed record BinaryExpr(BinaryOperator Operator, Expression Left, Expression Right, SourceRange Range) : Expression(Range);

public enum UnaryOperator
{
    Not,
    Negate,
}

public sealed record UnaryExpr(UnaryOperator Operator, Expression Operand, SourceRange Range) : Expression(Range);

/// <summary><c>[a, b, c]</c>.</summary>
public sealed record TupleExpr(IReadOnlyList<Expression> Items, SourceRange Range) : Expression(Range);

/// <summary><c>{ k = v, ... }</c>.</summary>
public sealed record ObjectExpr(IReadOnlyList<ObjectItem> Items, SourceRange Range) : Expression(Range);

/// <summary>One <c>key = value</c> of an object. A bare identifier key is a <see cref="LiteralExpr"/> string; <c>(expr)</c> keeps its expression.</summary>
public sealed record ObjectItem(Expression Key, Expression Value);

/// <summary><c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key =&gt; value... if cond}</c>.</summary>
public sealed record ForExpr(
    string? KeyVariable,
    string ValueVariable,
    Expression Collection,
    Expression? KeyResult,
    Expression ValueResult,
    Expression? Condition,
    bool Grouping,
    SourceRange Range) : Expression(Range)
{
    /// <summary>True for the <c>{...}</c> form that builds an object.</summary>
    public bool BuildsObject => KeyResult is not null;
}

/// <summary><c>( expr )</c>, kept so that <c>(a) = 1</c> object keys and source ranges stay exact.</summary>
public sealed record ParenthesesExpr(Expression Inner, SourceRange Range) : Expression(Range);

/// <summary>
/// A splat nested in the <see cref="SplatExpr.Each"/> of a full splat, applied to the value reached so far:
/// in <c>a[*].b[*].c</c> the outer splat's steps are <c>.b</c> then this step, whose own steps are <c>.c</c>.
/// </summary>
public sealed record SplatStep(IReadOnlyList<Traverser> Each, bool IsFullSplat, SourceRange Range) : Traverser(Range);
