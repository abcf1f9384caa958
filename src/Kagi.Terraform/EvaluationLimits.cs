namespace Kagi.Terraform;

/// <summary>
/// How much work evaluating one root module (with the modules it calls) may do. Code under review is untrusted:
/// past a limit, the values it would have built are unknown, with the limit named, and the scan goes on.
/// </summary>
public sealed record EvaluationLimits
{
    public static EvaluationLimits Default { get; } = new();

    /// <summary>Instances one resource or module block may expand to with count or for_each (--max-instances).</summary>
    public int MaxInstances { get; init; } = 10_000;

    /// <summary>Characters in a string that a function, template or for-expression builds (--max-string-length).</summary>
    public int MaxStringLength { get; init; } = 1 << 20;

    /// <summary>Elements, nested ones included, in a collection that a function or expression builds (--max-collection-elements).</summary>
    public int MaxCollectionElements { get; init; } = 100_000;

    /// <summary>How long one regular expression in replace() may run (--regex-timeout, in milliseconds).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Evaluation steps for one root module and the modules it calls (--max-evaluation-steps): one per expression, plus
    /// the size of what each function reads and builds, plus the time regular expressions take (one step per 100 ns).
    /// </summary>
    public long MaxEvaluationSteps { get; init; } = 20_000_000;
}
