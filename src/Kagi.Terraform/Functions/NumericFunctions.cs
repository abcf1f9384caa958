using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Functions;

/// <summary>Terraform's numeric functions.</summary>
internal static class NumericFunctions
{
    public static IEnumerable<KeyValuePair<string, TfFunction>> All { get; } =
    [
        new("min", new(1, TfFunction.Variadic, a => new TfNumber(Numbers(a).Min()))),
        new("max", new(1, TfFunction.Variadic, a => new TfNumber(Numbers(a).Max()))),
        new("abs", new(1, 1, a => new TfNumber(Math.Abs(a.Number(0, "the argument"))))),
        new("ceil", new(1, 1, a => new TfNumber(Math.Ceiling(a.Number(0, "the argument"))))),
        new("floor", new(1, 1, a => new TfNumber(Math.Floor(a.Number(0, "the argument"))))),
        new("sum", new(1, 1, a => new TfNumber(a.Sequence(0, "the argument").Sum(v => ValueOps.ExpectNumber(v, "an element"))))),
        new("signum", new(1, 1, a => new TfNumber(Math.Sign(a.Number(0, "the argument"))))),
        new("pow", new(2, 2, a => new TfNumber((decimal)Math.Pow((double)a.Number(0, "the base"), (double)a.Number(1, "the exponent"))))),
        new("tobool", new(1, 1, a => a[0] is TfNull ? a[0] : TfValue.Of(ValueOps.TryBool(a[0]) ?? throw new EvaluationException($"cannot convert this {a[0].TypeName} to a bool")))),
        new("tonumber", new(1, 1, a => a[0] is TfNull ? a[0] : new TfNumber(ValueOps.TryNumber(a[0]) ?? throw new EvaluationException($"cannot convert this {a[0].TypeName} to a number")))),
    ];

    private static List<decimal> Numbers(FunctionArgs args) =>
        [.. args.Values.Select(v => ValueOps.ExpectNumber(v, "each argument"))];
}
