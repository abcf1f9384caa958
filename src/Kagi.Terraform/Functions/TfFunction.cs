using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Functions;

/// <summary>The arguments of one call, already evaluated.</summary>
internal sealed record FunctionArgs(IReadOnlyList<TfValue> Values, ExpressionEvaluator Evaluator)
{
    public int Count => Values.Count;

    public TfValue this[int index] => Values[index];

    public string String(int index, string what) => ValueOps.ExpectString(Values[index], what);

    public decimal Number(int index, string what) => ValueOps.ExpectNumber(Values[index], what);

    public int Integer(int index, string what) => ValueOps.ExpectInteger(Values[index], what);

    public IReadOnlyList<TfValue> Sequence(int index, string what) => ValueOps.ExpectSequence(Values[index], what);

    public EvaluationBudget Budget => Evaluator.Budget;
}

/// <summary>
/// A Terraform function. Unless <see cref="AcceptsUnknown"/>, a call with any unknown inside its arguments is unknown:
/// the body then only ever sees known values. <see cref="KeepsOrigin"/> marks functions that only pick or rearrange
/// their arguments' elements, so that <c>element(concat(aws_kms_key.k.*.arn, [""]), 0)</c> still stands for that key.
/// <see cref="Picks"/> marks functions that take one part of a collection, or count it, without reading it whole:
/// a call costs the evaluation budget its strings, not the size of its collections.
/// </summary>
internal sealed record TfFunction(int MinArgs, int MaxArgs, Func<FunctionArgs, TfValue> Body, bool AcceptsUnknown = false, bool KeepsOrigin = false, bool Picks = false)
{
    public const int Variadic = int.MaxValue;

    public TfValue Invoke(string name, IReadOnlyList<TfValue> arguments, ExpressionEvaluator evaluator)
    {
        if (arguments.Count < MinArgs || arguments.Count > MaxArgs)
        {
            var expected = MaxArgs == Variadic ? $"at least {MinArgs}" : MinArgs == MaxArgs ? $"{MinArgs}" : $"{MinArgs} to {MaxArgs}";
            throw new EvaluationException($"{name}() takes {expected} arguments, not {arguments.Count}");
        }

        var result = !AcceptsUnknown && arguments.Select(ValueOps.FirstUnknown).FirstOrDefault(u => u is not null) is { } unknown
            ? new TfUnknown(unknown.Reason)
            : Run(name, arguments, evaluator);
        if (KeepsOrigin && result is TfUnknown { Origin: null } bare)
        {
            // Finding the origin reads the arguments whole, even when the function only picks from them.
            evaluator.Budget.ChargeReading(arguments, whole: true);
            return ValueOps.SharedOrigin(arguments) is { } origin ? bare with { Origin = origin } : result;
        }

        return result;
    }

    private TfValue Run(string name, IReadOnlyList<TfValue> arguments, ExpressionEvaluator evaluator)
    {
        try
        {
            return Body(new FunctionArgs(arguments, evaluator));
        }
        catch (EvaluationException error) when (error.Range is null && error is not LimitExceededException)
        {
            throw error.Rewrap($"{name}(): ", null);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or OverflowException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            throw new EvaluationException($"{name}(): {error.Message}");
        }
    }
}
