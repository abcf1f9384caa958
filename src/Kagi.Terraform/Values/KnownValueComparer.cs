namespace Kagi.Terraform.Values;

/// <summary>
/// <see cref="ValueOps.KnownEqual"/> as an equality comparer, so that sets and distinct lists are built with a hash
/// table in linear time. An unknown equals nothing, not even itself, as in KnownEqual.
/// </summary>
internal sealed class KnownValueComparer : IEqualityComparer<TfValue>
{
    public static KnownValueComparer Instance { get; } = new();

    public bool Equals(TfValue? x, TfValue? y) => x is not null && y is not null && ValueOps.KnownEqual(x, y);

    public int GetHashCode(TfValue value) => value switch
    {
        TfBool b => b.Value.GetHashCode(),
        TfNumber n => n.Value.GetHashCode(),
        TfString s => string.GetHashCode(s.Value, StringComparison.Ordinal),
        TfSequence sequence => Combine(sequence.Items.Count, sequence.Items.Select(GetHashCode)),
        TfObject map => Combine(map.Attributes.Count, map.Attributes.Select(p => HashCode.Combine(string.GetHashCode(p.Key, StringComparison.Ordinal), GetHashCode(p.Value)))),
        _ => 0,
    };

    private static int Combine(int count, IEnumerable<int> hashes)
    {
        var hash = new HashCode();
        hash.Add(count);
        foreach (var item in hashes)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
