using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Hcl.Syntax;
using Kagi.Terraform.Configuration;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Evaluation;

/// <summary>
/// The work one root module's evaluation has done against its <see cref="EvaluationLimits"/>, shared by every
/// module instance and reference chain in it, so that a limit holds however the work is spread.
/// </summary>
internal sealed class EvaluationBudget(EvaluationLimits limits)
{
    /// <summary>Expressions being evaluated inside one another, across references: far beyond real code, far from the stack's end.</summary>
    public const int MaxDepth = 1_000;

    /// <summary>How deep values may nest; every walk over a value recurses this deep.</summary>
    public const int MaxValueDepth = 100;

    /// <summary>What one resource or module instance costs: it is mapped, judged and reported, far more work than a step.</summary>
    public const int StepsPerInstance = 1_000;

    private readonly HashSet<(string Limit, string File)> _reported = [];
    private long _steps;
    private int _depth;

    public EvaluationLimits Limits { get; } = limits;

    /// <summary>Every step is spent: whatever is evaluated now is unknown, which says nothing about the code.</summary>
    public bool Spent => _steps > Limits.MaxEvaluationSteps;

    /// <summary>Enters one more expression; each costs a step.</summary>
    public void Enter()
    {
        // The stack check is the last line: the depth count keeps results the same on every thread.
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new LimitExceededException("nesting", Texts.Canonical("reasons.limit-nesting", ("count", Count(MaxDepth))));
        }

        Charge(1);
        _depth++;
    }

    public void Leave() => _depth--;

    public void Charge(long steps)
    {
        _steps = steps > long.MaxValue - _steps ? long.MaxValue : _steps + steps;
        if (_steps > Limits.MaxEvaluationSteps)
        {
            throw new LimitExceededException("--max-evaluation-steps", Texts.Canonical("reasons.limit-evaluation-steps", ("count", Count(Limits.MaxEvaluationSteps))));
        }
    }

    /// <summary>
    /// What reading values costs: one step per element and per 64 characters, counting nested elements when
    /// <paramref name="whole"/> (the function walks them), else only the elements at the top.
    /// </summary>
    public void ChargeReading(IEnumerable<TfValue> values, bool whole)
    {
        foreach (var value in values)
        {
            Charge(whole ? value.Size.Elements + (value.Size.Characters / 64) : value switch
            {
                TfSequence sequence => sequence.Items.Count + 1,
                TfObject map => map.Attributes.Count + 1,
                TfString text => (text.Value.Length / 64) + 1,
                _ => 1,
            });
        }
    }

    /// <summary>Runs a regular expression, counting the time it takes against the steps; a timeout is a limit, not an error.</summary>
    public T TimeRegex<T>(Func<T> run)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return run();
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            throw new LimitExceededException("--regex-timeout", Texts.Canonical("reasons.limit-regex-timeout", ("milliseconds", Limits.RegexTimeout.TotalMilliseconds)));
        }
        finally
        {
            Charge(Stopwatch.GetElapsedTime(started).Ticks);
        }
    }

    /// <summary>Throws unless a string of this many characters may be built.</summary>
    public void CheckLength(long characters)
    {
        if (characters > Limits.MaxStringLength)
        {
            throw new LimitExceededException("--max-string-length", Texts.Canonical("reasons.limit-string-length", ("count", Count(Limits.MaxStringLength))));
        }
    }

    /// <summary>Throws unless a collection of this many elements may be built.</summary>
    public void CheckElements(long elements)
    {
        if (elements > Limits.MaxCollectionElements)
        {
            throw new LimitExceededException("--max-collection-elements", Texts.Canonical("reasons.limit-collection-elements", ("count", Count(Limits.MaxCollectionElements))));
        }
    }

    /// <summary>
    /// Throws unless this many instances of one block may be made in each of the <paramref name="modules"/> instances
    /// of its module: the limit is on all of them, or a module counted 10,000 times could hold 10,000 of each.
    /// </summary>
    public void CheckInstances(long instances, long modules)
    {
        var total = instances > long.MaxValue / Math.Max(modules, 1) ? long.MaxValue : instances * modules;
        if (total > Limits.MaxInstances)
        {
            throw new LimitExceededException("--max-instances", modules > 1
                ? Texts.Canonical("reasons.limit-instances-in-modules", ("count", Count(total)), ("each", Count(instances)), ("modules", Count(modules)), ("limit", Count(Limits.MaxInstances)))
                : Texts.Canonical("reasons.limit-instances", ("count", Count(total)), ("limit", Count(Limits.MaxInstances))));
        }

        Charge(instances * StepsPerInstance);
    }

    /// <summary>The value, once checked against the limits on what an expression may build.</summary>
    public TfValue Built(TfValue value)
    {
        var size = value.Size;
        switch (value)
        {
            case TfString:
                CheckLength(size.Characters);
                break;
            case TfSequence or TfObject:
                CheckElements(size.Elements - 1);
                if (size.Depth > MaxValueDepth)
                {
                    throw new LimitExceededException("value nesting", Texts.Canonical("reasons.limit-value-nesting", ("count", MaxValueDepth)));
                }

                break;
        }

        return value;
    }

    /// <summary>Reports a limit the first time it is reached in a file; the values it stopped are unknown.</summary>
    public void Report(LimitExceededException limit, SourceRange range, List<ScanDiagnostic> diagnostics)
    {
        if (_reported.Add((limit.Limit, range.File)))
        {
            diagnostics.Add(new ScanDiagnostic(
                DiagnosticSeverity.Warning,
                Texts.Canonical("reasons.limit-reached-in-file", ("limit", limit.Message)),
                range.ToLocation()));
        }
    }

    private static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
