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
}
