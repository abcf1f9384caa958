using Kagi.Core.Model;
using Kagi.Hcl.Syntax;

namespace Kagi.Terraform.Evaluation;

/// <summary>
/// Something Terraform evaluates and Kagi does not (a format verb, a type expression it cannot read): not an error in
/// the code. The value is unknown, the scan warns and goes on, and <c>try</c>/<c>can</c> do not treat it as a failure.
/// </summary>
internal sealed class NotEvaluatedException : EvaluationException
{
    public NotEvaluatedException(string message, SourceRange? range = null)
        : base(message, range)
    {
    }

    public NotEvaluatedException()
    {
    }

    public NotEvaluatedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public override bool IsTerraformError => false;

    public override DiagnosticSeverity Severity => DiagnosticSeverity.Warning;

    public override EvaluationException Rewrap(string prefix, SourceRange? range) => new NotEvaluatedException(prefix + Message, range ?? Range);
}
