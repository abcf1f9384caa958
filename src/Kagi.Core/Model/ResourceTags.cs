namespace Kagi.Core.Model;

/// <summary>How a resource's tags are shown where a format has no map of its own: in key order, <c>key=value</c> each.</summary>
public static class ResourceTags
{
    /// <summary>The tags in ordinal key order, so every report lists them alike.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return [.. tags.OrderBy(tag => tag.Key, StringComparer.Ordinal)];
    }

    /// <summary><c>key=value</c> pairs joined by <c>;</c>; empty when there are none or they are unknown.</summary>
    public static string Joined(Fact<IReadOnlyDictionary<string, string>> tags) =>
        tags.IsKnown ? string.Join(';', Sorted(tags.Value).Select(tag => $"{tag.Key}={tag.Value}")) : string.Empty;
}
