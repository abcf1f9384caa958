using Kagi.Core.Model;
using Kagi.Hcl.Syntax;

namespace Kagi.Terraform.Evaluation;

/// <summary>
/// An expression that Terraform would reject. Raised inside the evaluator so that <c>try</c> and <c>can</c> can
/// observe it; every entry point catches it and turns it into a diagnostic and an unknown value.
/// </summary>
internal class EvaluationException : Exception
{
    public EvaluationException(string message, SourceRange? range = null)
        : base(message)
    {
        Range = range;
    }

    public EvaluationException()
    {
    }

    public EvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceRange? Range { get; }

    /// <summary>
    /// True for an error Terraform would raise too, which <c>try</c> and <c>can</c> observe; false for Kagi's own
    /// limits and gaps, which they must not turn into a fallback value.
    /// </summary>
    public virtual bool IsTerraformError => true;

    /// <summary>How a scan reports it: an error in the code fails the scan; Kagi's own gap is a warning.</summary>
    public virtual DiagnosticSeverity Severity => DiagnosticSeverity.Error;

    /// <summary>The same error with a place and a prefix naming what raised it, keeping its kind.</summary>
    public virtual EvaluationException Rewrap(string prefix, SourceRange? range) => new(prefix + Message, range ?? Range);
}
