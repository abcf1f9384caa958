namespace Kagi.Terraform.Evaluation;

/// <summary>
/// A limit of <see cref="EvaluationLimits"/> was reached. Not an error in the code: <c>try</c> and <c>can</c> do not
/// catch it, and the value being evaluated becomes unknown, naming the limit, which is reported once per file.
/// </summary>
internal sealed class LimitExceededException : EvaluationException
{
    public LimitExceededException(string limit, string message)
        : base(message)
    {
        Limit = limit;
    }

    public LimitExceededException()
    {
        Limit = string.Empty;
    }

    public LimitExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
        Limit = string.Empty;
    }

    public override bool IsTerraformError => false;

    /// <summary>The option that sets the limit (<c>--max-instances</c>), or what the fixed limit guards.</summary>
    public string Limit { get; }
}
