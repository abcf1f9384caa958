namespace Kagi.Terraform.Values;

/// <summary>A Terraform value as the evaluator sees it before apply: known, or unknown with a reason.</summary>
internal abstract record TfValue
{
    public static TfValue Null { get; } = new TfNull();

    public static TfValue True { get; } = new TfBool(true);

    public static TfValue False { get; } = new TfBool(false);

    public static TfValue Of(bool value) => value ? True : False;

    /// <summary>The name Terraform gives the value's type, for messages (never the value itself: it may be sensitive).</summary>
    public abstract string TypeName { get; }

    /// <summary>How big the value is, counting shared parts each time they appear, as printing it would.</summary>
    public virtual ValueSize Size => ValueSize.Scalar;
}

/// <summary>
/// A value's size: elements (itself and every nested one), characters of its strings and keys, and nesting depth.
/// Collections compute it once when built, so the limits can be checked without walking the value again.
/// </summary>
internal readonly record struct ValueSize(long Elements, long Characters, int Depth)
{
    public static ValueSize Scalar { get; } = new(1, 0, 0);

    public static ValueSize Of(IEnumerable<TfValue> items, long keyCharacters = 0)
    {
        var (elements, characters, depth) = (1L, keyCharacters, 0);
        foreach (var item in items)
        {
            var size = item.Size;
            (elements, characters, depth) = (Add(elements, size.Elements), Add(characters, size.Characters), Math.Max(depth, size.Depth));
        }

        return new ValueSize(elements, characters, depth + 1);
    }

    // Shared parts can make a value's printed size grow exponentially: the sums stop at long.MaxValue instead of wrapping.
    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}

internal sealed record TfNull : TfValue
{
    public override string TypeName => "null";
}

internal sealed record TfBool(bool Value) : TfValue
{
    public override string TypeName => "bool";
}

internal sealed record TfNumber(decimal Value) : TfValue
{
    public override string TypeName => "number";
}

internal sealed record TfString(string Value) : TfValue
{
    public override string TypeName => "string";

    public override ValueSize Size => new(1, Value.Length, 0);
}

internal enum SequenceKind
{
    Tuple,
    List,
    Set,
}

/// <summary>A tuple, list or set. Sets hold distinct items.</summary>
internal sealed record TfSequence(IReadOnlyList<TfValue> Items, SequenceKind Kind = SequenceKind.Tuple) : TfValue
{
    public static TfSequence Empty { get; } = new([]);

    public override ValueSize Size { get; } = ValueSize.Of(Items);

    public override string TypeName => Kind switch
    {
        SequenceKind.List => "list",
        SequenceKind.Set => "set",
        _ => "tuple",
    };
}

/// <summary>An object or map; attributes are kept in lexical order, as Terraform iterates them.</summary>
internal sealed record TfObject : TfValue
{
    public TfObject(IEnumerable<KeyValuePair<string, TfValue>> attributes)
    {
        var sorted = new SortedDictionary<string, TfValue>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            sorted[name] = value;
        }

        Attributes = sorted;
        Size = ValueSize.Of(sorted.Values, sorted.Keys.Sum(key => (long)key.Length));
    }

    public static TfObject Empty { get; } = new([]);

    public IReadOnlyDictionary<string, TfValue> Attributes { get; }

    public override ValueSize Size { get; }

    public override string TypeName => "object";
}

/// <summary>
/// A value known only after apply. <see cref="Origin"/> says which resource attribute it stands for, when it
/// stands for exactly one: that is what lets a cluster's <c>kms_key_arn</c> be joined to the key that will fill it.
/// <see cref="Branches"/> are the values it will be one of, when a condition known only after apply chooses.
/// </summary>
internal sealed record TfUnknown(string Reason, ValueOrigin? Origin = null, IReadOnlyList<TfValue>? Branches = null) : TfValue
{
    public override string TypeName => "unknown";
}

/// <summary>A resource or data source address (<c>aws_kms_key.k</c>, <c>data.aws_kms_alias.rds</c>) and the attribute read from it.</summary>
internal sealed record ValueOrigin(string Address, string? Attribute)
{
    public override string ToString() => Attribute is null ? Address : $"{Address}.{Attribute}";
}
