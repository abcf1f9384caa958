namespace Kagi.Store;

/// <summary>
/// A resource's tags in the findings table's <c>resource_tags</c> column: one line per tag, <c>key TAB value</c>, each
/// framed by newlines (<c>\nowner\tteam-a\nenv\tprod\n</c>), backslash, tab and newline escaped. The framing lets a mute
/// by tag match in SQL as a plain substring search in SQLite and PostgreSQL alike; null when the tags were unknown.
/// </summary>
internal static class StoredTags
{
    public static string? Encode(Kagi.Core.Model.Fact<IReadOnlyDictionary<string, string>> tags) =>
        tags.IsKnown ? "\n" + string.Concat(Kagi.Core.Model.ResourceTags.Sorted(tags.Value).Select(tag => Line(tag.Key, tag.Value)[1..])) : null;

    /// <summary>What the column holds for one tag, with the newline before and after it: the text a mute searches for.</summary>
    public static string Line(string key, string value) => $"\n{Escape(key)}\t{Escape(value)}\n";

    public static IReadOnlyDictionary<string, string>? Decode(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in stored.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0)
            {
                tags[Unescape(line[..tab])] = Unescape(line[(tab + 1)..]);
            }
        }

        return tags;
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);

    private static string Unescape(string text)
    {
        var plain = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                plain.Append(text[i] switch { 'n' => '\n', 't' => '\t', var other => other });
            }
            else
            {
                plain.Append(text[i]);
            }
        }

        return plain.ToString();
    }
}
