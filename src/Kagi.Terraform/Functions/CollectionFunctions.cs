using Kagi.Terraform.Evaluation;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Functions;

/// <summary>
/// Terraform's collection functions. Those marked as accepting unknowns give a known answer when the shape of
/// a collection is known even though some elements are not (the length of [aws_kms_key.k.arn] is 1).
/// </summary>
internal static class CollectionFunctions
{
    public static IEnumerable<KeyValuePair<string, TfFunction>> All { get; } =
    [
        new("length", new(1, 1, Length, AcceptsUnknown: true)),
        new("concat", new(0, TfFunction.Variadic, Concat, AcceptsUnknown: true)),
        new("merge", new(0, TfFunction.Variadic, Merge, AcceptsUnknown: true)),
        new("lookup", new(2, 3, Lookup, AcceptsUnknown: true)),
        new("element", new(2, 2, Element, AcceptsUnknown: true)),
        new("coalesce", new(1, TfFunction.Variadic, Coalesce, AcceptsUnknown: true)),
        new("keys", new(1, 1, a => IfKnown(a[0], () => new TfSequence([.. Map(a).Attributes.Keys.Select(k => new TfString(k))], SequenceKind.List)), AcceptsUnknown: true)),
        new("values", new(1, 1, a => IfKnown(a[0], () => new TfSequence([.. Map(a).Attributes.Values], SequenceKind.List)), AcceptsUnknown: true)),
        new("tomap", new(1, 1, a => IfKnown(a[0], () => Map(a)), AcceptsUnknown: true)),
        new("tolist", new(1, 1, a => IfKnown(a[0], () => new TfSequence(a.Sequence(0, "the argument"), SequenceKind.List)), AcceptsUnknown: true)),
        new("toset", new(1, 1, a => IfKnown(a[0], () => ValueOps.ToSet(a.Sequence(0, "the argument"))), AcceptsUnknown: true)),
        new("contains", new(2, 2, a => TfValue.Of(a.Sequence(0, "the list").Any(item => ValueOps.KnownEqual(item, a[1]))))),
        new("flatten", new(1, 1, a => new TfSequence([.. Flatten(a.Sequence(0, "the argument"))]))),
        new("distinct", new(1, 1, Distinct)),
        new("compact", new(1, 1, a => new TfSequence([.. a.Sequence(0, "the argument").Where(item => item is not TfNull && ValueOps.ExpectString(item, "an element") != string.Empty)], SequenceKind.List))),
    ];

    /// <summary>A wholly unknown argument makes the result unknown; one at least partly known goes on to <paramref name="then"/>.</summary>
    private static TfValue IfKnown(TfValue value, Func<TfValue> then) => value is TfUnknown unknown ? new TfUnknown(unknown.Reason) : then();

    private static TfObject Map(FunctionArgs args) => ValueOps.ExpectObject(args[0], "the argument");

    private static TfValue Length(FunctionArgs args) => IfKnown(args[0], () => args[0] switch
    {
        TfSequence sequence => new TfNumber(sequence.Items.Count),
        TfObject obj => new TfNumber(obj.Attributes.Count),
        TfString s => new TfNumber(StringFunctions.Length(s.Value)),
        _ => throw new EvaluationException($"cannot take the length of a {args[0].TypeName}"),
    });

    private static TfValue Concat(FunctionArgs args)
    {
        var items = new List<TfValue>();
        foreach (var list in args.Values)
        {
            if (list is TfUnknown unknown)
            {
                return new TfUnknown(unknown.Reason);
            }

            items.AddRange(ValueOps.ExpectSequence(list, "each argument"));
        }

        return new TfSequence(items);
    }

    private static TfValue Merge(FunctionArgs args)
    {
        var attributes = new Dictionary<string, TfValue>(StringComparer.Ordinal);
        foreach (var map in args.Values.Where(v => v is not TfNull))
        {
            if (map is TfUnknown unknown)
            {
                return new TfUnknown(unknown.Reason);
            }

            foreach (var (name, value) in ValueOps.ExpectObject(map, "each argument").Attributes)
            {
                attributes[name] = value;
            }
        }

        return new TfObject(attributes);
    }

    private static TfValue Lookup(FunctionArgs args)
    {
        if ((args[0] as TfUnknown ?? args[1] as TfUnknown) is { } unknown)
        {
            return new TfUnknown(unknown.Reason);
        }

        var key = args.String(1, "the key");
        if (Map(args).Attributes.TryGetValue(key, out var value))
        {
            return value;
        }

        return args.Count == 3 ? args[2] : throw new EvaluationException($"the map has no key \"{key}\" and no default was given");
    }

    private static TfValue Element(FunctionArgs args)
    {
        if ((args[0] as TfUnknown ?? args[1] as TfUnknown) is { } unknown)
        {
            return new TfUnknown(unknown.Reason);
        }

        var list = args.Sequence(0, "the list");
        var index = args.Integer(1, "the index");
        if (list.Count == 0)
        {
            throw new EvaluationException("cannot use element() on an empty list");
        }

        return index < 0 ? throw new EvaluationException("the index must not be negative") : list[index % list.Count];
    }

    // The first argument that is neither null nor "". An unknown before it may turn out to be the answer,
    // so it is returned as it is: an unknown standing for aws_kms_key.k.arn keeps that origin.
    private static TfValue Coalesce(FunctionArgs args)
    {
        foreach (var value in args.Values)
        {
            if (value is TfUnknown || (value is not TfNull && value is not TfString { Value: "" }))
            {
                return value;
            }
        }

        throw new EvaluationException("no argument is neither null nor an empty string");
    }

    private static IEnumerable<TfValue> Flatten(IEnumerable<TfValue> items) =>
        items.SelectMany(item => item is TfSequence nested ? Flatten(nested.Items) : [item]);

    private static TfSequence Distinct(FunctionArgs args)
    {
        var distinct = new List<TfValue>();
        foreach (var item in args.Sequence(0, "the argument").Where(item => !distinct.Any(d => ValueOps.KnownEqual(d, item))))
        {
            distinct.Add(item);
        }

        return new TfSequence(distinct, SequenceKind.List);
    }
}
