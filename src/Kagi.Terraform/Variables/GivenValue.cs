using Kagi.Core.Files;
using Kagi.Core.Model;
using Kagi.Hcl;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Variables;

/// <summary>
/// A root variable's value from outside the configuration. <c>-var</c> and <c>TF_VAR_</c> give raw text, which
/// Terraform takes as a string for a primitive type and parses as an expression for any other.
/// </summary>
internal sealed record GivenValue(TfValue? Value, string? Raw, SourceLocation Location)
{
    public TfValue For(TypeConstraint type)
    {
        if (Raw is null)
        {
            return Value ?? TfValue.Null;
        }

        if (type.TakesRawText)
        {
            return new TfString(Raw);
        }

        try
        {
            return new ExpressionEvaluator(NoReferences.Instance).Evaluate(HclParser.ParseExpression(Raw, Location.File), Scope.Empty);
        }
        catch (HclParseException)
        {
            // The parser's message may quote the text, and the text may be a secret.
            throw new EvaluationException($"the value given in {Location.File} is not a valid expression for its type");
        }
    }
}

/// <summary>Variable files hold constants: a reference in one is an error.</summary>
internal sealed class NoReferences : IReferenceResolver
{
    public static NoReferences Instance { get; } = new();

    public string ModuleDirectory => ".";

    public ScanRoots Roots => ScanRoots.None;

    public TfValue Resolve(Hcl.Syntax.ScopeTraversalExpr traversal, Scope scope, out int stepsUsed) =>
        throw new EvaluationException("variables may not be referenced here: a variable value must be a constant", traversal.Range);
}
