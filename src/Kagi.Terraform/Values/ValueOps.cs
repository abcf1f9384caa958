using System.Globalization;
using Kagi.Core.Localization;
using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Variables;

namespace Kagi.Terraform.Values;

/// <summary>Terraform's automatic conversions, equality and the unknown checks every operation needs.</summary>
internal static class ValueOps
{
    public static bool ContainsUnknown(TfValue value) => Unknowns(value).Any();

    /// <summary>The first unknown inside a value, depth first; null when the value is wholly known.</summary>
    public static TfUnknown? FirstUnknown(TfValue value) => Unknowns(value).FirstOrDefault();

    /// <summary>The origin that every unknown inside the values shares, by resource address; null if any differs or has none.</summary>
    public static ValueOrigin? SharedOrigin(IEnumerable<TfValue> values)
    {
        var origins = values.SelectMany(Unknowns).Select(u => u.Origin).ToList();
        return origins.Count > 0 && origins.All(o => o is not null && o.Address == origins[0]!.Address) ? origins[0] : null;
    }

    private static IEnumerable<TfUnknown> Unknowns(TfValue value) => value switch
    {
        TfUnknown unknown => [unknown],
        TfSequence sequence => sequence.Items.SelectMany(Unknowns),
        TfObject obj => obj.Attributes.Values.SelectMany(Unknowns),
        _ => [],
    };

    /// <summary>Strings, numbers and bools convert to string, as Terraform converts them.</summary>
    public static string? TryString(TfValue value) => value switch
    {
        TfString s => s.Value,
        TfNumber n => FormatNumber(n.Value),
        TfBool b => b.Value ? "true" : "false",
        _ => null,
    };

    public static decimal? TryNumber(TfValue value) => value switch
    {
        TfNumber n => n.Value,
        TfString s when decimal.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    public static bool? TryBool(TfValue value) => value switch
    {
        TfBool b => b.Value,
        TfString { Value: "true" } => true,
        TfString { Value: "false" } => false,
        _ => null,
    };

    public static string ExpectString(TfValue value, string what) =>
        TryString(value) ?? throw new EvaluationException($"{what} must be a string, not {value.TypeName}");

    public static decimal ExpectNumber(TfValue value, string what) =>
        TryNumber(value) ?? throw new EvaluationException($"{what} must be a number, not {value.TypeName}");

    public static bool ExpectBool(TfValue value, string what) =>
        TryBool(value) ?? throw new EvaluationException($"{what} must be a bool, not {value.TypeName}");

    public static int ExpectInteger(TfValue value, string what)
    {
        var number = ExpectNumber(value, what);
        return number == decimal.Truncate(number) && number is >= int.MinValue and <= int.MaxValue
            ? (int)number
            : throw new EvaluationException($"{what} must be a whole number");
    }

    /// <summary>The elements of a tuple, list or set; a map's values in key order are not elements.</summary>
    public static IReadOnlyList<TfValue> ExpectSequence(TfValue value, string what) => value switch
    {
        TfSequence sequence => sequence.Items,
        _ => throw new EvaluationException($"{what} must be a list, not {value.TypeName}"),
    };

    public static TfObject ExpectObject(TfValue value, string what) =>
        value as TfObject ?? throw new EvaluationException($"{what} must be a map or object, not {value.TypeName}");

    /// <summary>Numbers print without trailing zeros: 1.50 → "1.5", 10 → "10".</summary>
    public static string FormatNumber(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    /// <summary>Equality of two known values; unknown when either side holds an unknown.</summary>
    public static TfValue Equal(TfValue left, TfValue right) =>
        ContainsUnknown(left) || ContainsUnknown(right)
            ? new TfUnknown(Texts.Canonical("reasons.comparison-after-apply"))
            : TfValue.Of(KnownEqual(left, right));

    public static bool KnownEqual(TfValue left, TfValue right) => (left, right) switch
    {
        (TfNull, TfNull) => true,
        (TfBool a, TfBool b) => a.Value == b.Value,
        (TfNumber a, TfNumber b) => a.Value == b.Value,
        (TfString a, TfString b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal),
        (TfSequence a, TfSequence b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => KnownEqual(p.First, p.Second)),
        (TfObject a, TfObject b) => a.Attributes.Count == b.Attributes.Count
            && a.Attributes.All(p => b.Attributes.TryGetValue(p.Key, out var other) && KnownEqual(p.Value, other)),
        _ => false,
    };

    /// <summary>
    /// The values converted to the one type Terraform gives them together (in a set, a list, coalesce's arguments):
    /// [1, "a"] becomes ["1", "a"]. Throws when they have none, as [1, true] has not.
    /// </summary>
    public static IReadOnlyList<TfValue> Unified(IReadOnlyList<TfValue> values, string what)
    {
        var type = TypeConstraint.Unify([.. values.Select(TypeConstraint.Of)])
            ?? throw new EvaluationException($"{what} do not have one type Terraform can convert them all to");
        return [.. values.Select(type.Convert)];
    }

    /// <summary>A set: distinct items of one type, strings and numbers in order as Terraform sorts them.</summary>
    public static TfSequence ToSet(IEnumerable<TfValue> items)
    {
        var seen = new HashSet<TfValue>(KnownValueComparer.Instance);
        var distinct = new List<TfValue>();
        foreach (var item in Unified([.. items], "the elements of a set"))
        {
            if (item is TfUnknown || seen.Add(item))
            {
                distinct.Add(item);
            }
        }

        if (distinct.All(i => i is TfString))
        {
            distinct.Sort((a, b) => string.CompareOrdinal(((TfString)a).Value, ((TfString)b).Value));
        }
        else if (distinct.All(i => i is TfNumber))
        {
            distinct.Sort((a, b) => ((TfNumber)a).Value.CompareTo(((TfNumber)b).Value));
        }

        return new TfSequence(distinct, SequenceKind.Set);
    }
}
