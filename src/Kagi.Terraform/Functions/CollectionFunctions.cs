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
        new("length", new(1, 1, Length, AcceptsUnknown: true, Picks: true)),
        new("concat", new(0, TfFunction.Variadic, Concat, AcceptsUnknown: true, KeepsOrigin: true)),
        new("merge", new(0, TfFunction.Variadic, Merge, AcceptsUnknown: true)),
        new("lookup", new(2, 3, Lookup, AcceptsUnknown: true, KeepsOrigin: true, Picks: true)),
        new("element", new(2, 2, Element, AcceptsUnknown: true, KeepsOrigin: true, Picks: true)),
        new("coalesce", new(1, TfFunction.Variadic, Coalesce, AcceptsUnknown: true, Picks: true)),
        new("keys", new(1, 1, a => IfKnown(a[0], () => new TfSequence([.. Map(a).Attributes.Keys.Select(k => new TfString(k))], SequenceKind.List)), AcceptsUnknown: true)),
        new("values", new(1, 1, a => IfKnown(a[0], () => new TfSequence([.. Map(a).Attributes.Values], SequenceKind.List)), AcceptsUnknown: true, KeepsOrigin: true)),
        new("tomap", new(1, 1, a => IfKnown(a[0], () => ToMap(Map(a))), AcceptsUnknown: true, Picks: true)),
        new("tolist", new(1, 1, a => IfKnown(a[0], () => new TfSequence(ValueOps.Unified(a.Sequence(0, "the argument"), "the elements of a list"), SequenceKind.List)), AcceptsUnknown: true, KeepsOrigin: true)),
        new("toset", new(1, 1, a => IfKnown(a[0], () => ValueOps.ToSet(a.Sequence(0, "the argument"))), AcceptsUnknown: true, KeepsOrigin: true)),
        new("contains", new(2, 2, a => TfValue.Of(a.Sequence(0, "the list").Any(item => ValueOps.KnownEqual(item, a[1]))))),
        new("flatten", new(1, 1, a => new TfSequence([.. Flatten(a.Sequence(0, "the argument"))]), KeepsOrigin: true)),
        new("distinct", new(1, 1, Distinct, KeepsOrigin: true)),
        new("one", new(1, 1, a => IfKnown(a[0], () => One(a.Sequence(0, "the argument"))), AcceptsUnknown: true, KeepsOrigin: true, Picks: true)),
        new("slice", new(3, 3, Slice, KeepsOrigin: true)),
        new("range", new(1, 3, Range)),
        new("zipmap", new(2, 2, a => new TfObject(a.Sequence(0, "the keys").Zip(a.Sequence(1, "the values"), (k, v) => KeyValuePair.Create(ValueOps.ExpectString(k, "a key"), v))))),
        new("reverse", new(1, 1, a => new TfSequence([.. a.Sequence(0, "the argument").Reverse()]), KeepsOrigin: true)),
        new("sort", new(1, 1, a => new TfSequence([.. a.Sequence(0, "the argument").Select(v => ValueOps.ExpectString(v, "an element")).Order(StringComparer.Ordinal).Select(s => new TfString(s))], SequenceKind.List), KeepsOrigin: true)),
        new("index", new(2, 2, Index)),
        new("coalescelist", new(1, TfFunction.Variadic, a => a.Values.FirstOrDefault(v => ValueOps.ExpectSequence(v, "each argument").Count > 0) ?? throw new EvaluationException("every list is empty"), KeepsOrigin: true)),
        new("setunion", new(1, TfFunction.Variadic, a => ValueOps.ToSet(a.Values.SelectMany(v => ValueOps.ExpectSequence(v, "each argument"))))),
        new("setintersection", new(1, TfFunction.Variadic, SetIntersection)),
        new("alltrue", new(1, 1, a => TfValue.Of(a.Sequence(0, "the argument").All(v => ValueOps.ExpectBool(v, "an element"))))),
        new("anytrue", new(1, 1, a => TfValue.Of(a.Sequence(0, "the argument").Any(v => ValueOps.ExpectBool(v, "an element"))))),
        new("compact", new(1, 1, a => new TfSequence([.. a.Sequence(0, "the argument").Where(item => item is not TfNull && ValueOps.ExpectString(item, "an element") != string.Empty)], SequenceKind.List), KeepsOrigin: true)),
    ];

    /// <summary>A wholly unknown argument makes the result unknown; one at least partly known goes on to <paramref name="then"/>.</summary>
    private static TfValue IfKnown(TfValue value, Func<TfValue> then) => value is TfUnknown unknown ? new TfUnknown(unknown.Reason) : then();

    private static TfObject Map(FunctionArgs args) => ValueOps.ExpectObject(args[0], "the argument");

    private static TfObject ToMap(TfObject map) =>
        new(map.Attributes.Keys.Zip(ValueOps.Unified([.. map.Attributes.Values], "the elements of a map"), KeyValuePair.Create));

    private static TfValue Length(FunctionArgs args) => IfKnown(args[0], () => args[0] switch
    {
        TfSequence sequence => new TfNumber(sequence.Items.Count),
        TfObject obj => new TfNumber(obj.Attributes.Count),
        TfString s => new TfNumber(StringFunctions.Length(s.Value)),
        _ => throw new EvaluationException($"cannot take the length of a {args[0].TypeName}"),
    });

    private static TfSequence SetIntersection(FunctionArgs args)
    {
        var others = args.Values.Skip(1).Select(set => ValueOps.ExpectSequence(set, "each argument").ToHashSet(KnownValueComparer.Instance)).ToList();
        return ValueOps.ToSet(args.Sequence(0, "each argument").Where(item => others.All(set => set.Contains(item))));
    }

    private static TfValue Concat(FunctionArgs args)
    {
        args.Budget.CheckElements(args.Values.Sum(list => list is TfSequence sequence ? (long)sequence.Items.Count : 0));
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
        foreach (var value in ValueOps.Unified(args.Values, "coalesce's arguments"))
        {
            if (value is TfUnknown || (value is not TfNull && value is not TfString { Value: "" }))
            {
                return value;
            }
        }

        throw new EvaluationException("no argument is neither null nor an empty string");
    }

    private static TfValue One(IReadOnlyList<TfValue> list) => list.Count switch
    {
        0 => TfValue.Null,
        1 => list[0],
        _ => throw new EvaluationException($"one() needs a list of at most one element, not {list.Count}"),
    };

    private static TfSequence Slice(FunctionArgs args)
    {
        var list = args.Sequence(0, "the list");
        var (start, end) = (args.Integer(1, "the start index"), args.Integer(2, "the end index"));
        return start >= 0 && start <= end && end <= list.Count
            ? new TfSequence([.. list.Skip(start).Take(end - start)])
            : throw new EvaluationException($"the indexes {start} to {end} are out of range for a list of {list.Count} elements");
    }

    private static TfSequence Range(FunctionArgs args)
    {
        var (start, limit) = args.Count == 1 ? (0m, args.Number(0, "the limit")) : (args.Number(0, "the start"), args.Number(1, "the limit"));
        var step = args.Count == 3 ? args.Number(2, "the step") : start <= limit ? 1 : -1;
        if (step == 0 || (step > 0) != (start <= limit) || Math.Abs((limit - start) / step) > 1024)
        {
            throw new EvaluationException("the step must move from the start towards the limit, in at most 1024 steps");
        }

        var items = new List<TfValue>();
        for (var n = start; step > 0 ? n < limit : n > limit; n += step)
        {
            items.Add(new TfNumber(n));
        }

        return new TfSequence(items, SequenceKind.List);
    }

    private static TfNumber Index(FunctionArgs args)
    {
        var list = args.Sequence(0, "the list");
        for (var i = 0; i < list.Count; i++)
        {
            if (ValueOps.KnownEqual(list[i], args[1]))
            {
                return new TfNumber(i);
            }
        }

        throw new EvaluationException("the list does not hold the given value");
    }

    private static IEnumerable<TfValue> Flatten(IEnumerable<TfValue> items) =>
        items.SelectMany(item => item is TfSequence nested ? Flatten(nested.Items) : [item]);

    private static TfSequence Distinct(FunctionArgs args)
    {
        var seen = new HashSet<TfValue>(KnownValueComparer.Instance);
        return new TfSequence([.. args.Sequence(0, "the argument").Where(seen.Add)], SequenceKind.List);
    }
}
