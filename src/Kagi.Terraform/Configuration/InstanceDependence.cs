using Kagi.Hcl.Syntax;

namespace Kagi.Terraform.Configuration;

/// <summary>
/// Whether an expression can evaluate differently in the instances of one resource: only <c>count.index</c> and
/// <c>each.key</c>/<c>each.value</c> differ between them. An argument that names neither is evaluated once for all
/// the instances, which then share its value: <c>count = 1000</c> no longer evaluates and holds 1,000 copies of the
/// same tags.
/// </summary>
internal static class InstanceDependence
{
    public static bool Names(Expression expression) => expression switch
    {
        LiteralExpr => false,
        ScopeTraversalExpr traversal => traversal.Root is "count" or "each" || Steps(traversal.Steps),
        TemplateExpr template => Parts(template.Parts),
        RelativeTraversalExpr relative => Names(relative.Source) || Steps(relative.Steps),
        SplatExpr splat => Names(splat.Source) || Steps(splat.Each),
        FunctionCallExpr call => call.Arguments.Any(Names),
        ConditionalExpr conditional => Names(conditional.Condition) || Names(conditional.TrueResult) || Names(conditional.FalseResult),
        BinaryExpr binary => Names(binary.Left) || Names(binary.Right),
        UnaryExpr unary => Names(unary.Operand),
        TupleExpr tuple => tuple.Items.Any(Names),
        ObjectExpr value => value.Items.Any(item => Names(item.Key) || Names(item.Value)),
        ForExpr loop => Names(loop.Collection) || Names(loop.ValueResult)
            || (loop.KeyResult is { } key && Names(key)) || (loop.Condition is { } condition && Names(condition)),
        ParenthesesExpr parentheses => Names(parentheses.Inner),

        // A kind of expression not listed here is taken to differ: evaluating it for each instance is always right.
        _ => true,
    };

    private static bool Steps(IReadOnlyList<Traverser> steps) => steps.Any(step => step switch
    {
        GetAttrStep => false,
        IndexStep index => Names(index.Key),
        SplatStep splat => Steps(splat.Each),
        _ => true,
    });

    private static bool Parts(IReadOnlyList<TemplatePart> parts) => parts.Any(part => part switch
    {
        TemplateLiteral => false,
        TemplateInterpolation interpolation => Names(interpolation.Expression),
        TemplateIf condition => Names(condition.Condition) || Parts(condition.Then) || Parts(condition.Else),
        TemplateFor loop => Names(loop.Collection) || Parts(loop.Body),
        _ => true,
    });
}
