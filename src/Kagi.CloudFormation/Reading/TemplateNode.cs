namespace Kagi.CloudFormation.Reading;

/// <summary>A node of a template as written, YAML or JSON alike, with the line it starts on (1-based).</summary>
internal abstract record TemplateNode(int Line);

/// <summary>A scalar; <see cref="Value"/> is null for YAML's and JSON's null.</summary>
internal sealed record ScalarNode(string? Value, int Line) : TemplateNode(Line);

internal sealed record SequenceNode(IReadOnlyList<TemplateNode> Items, int Line) : TemplateNode(Line);

/// <summary>An entry of a mapping, with the line of its key: where a resource is declared.</summary>
internal sealed record MappingEntry(string Key, TemplateNode Value, int KeyLine)
{
    public void Deconstruct(out string key, out TemplateNode value)
    {
        key = Key;
        value = Value;
    }
}

/// <summary>A mapping, its keys in the order written (a template's keys are unique: the readers refuse duplicates).</summary>
internal sealed record MappingNode(IReadOnlyList<MappingEntry> Entries, int Line) : TemplateNode(Line)
{
    public TemplateNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The one entry of a mapping that has exactly one: how an intrinsic function is written (<c>{"Ref": "X"}</c>).</summary>
    public MappingEntry? Single => Entries.Count == 1 ? Entries[0] : null;
}

/// <summary>A template that could not be read, at the line where reading stopped.</summary>
internal sealed class TemplateReadException(string message, int line) : Exception(message)
{
    public int Line { get; } = line;
}
