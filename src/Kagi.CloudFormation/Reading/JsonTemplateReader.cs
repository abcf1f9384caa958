using System.Text;
using System.Text.Json;

namespace Kagi.CloudFormation.Reading;

/// <summary>
/// Reads a JSON template with <see cref="Utf8JsonReader"/> (JSON's escapes, such as <c>"\/"</c>, exactly as JSON defines
/// them), keeping the line each node starts on.
/// </summary>
internal static class JsonTemplateReader
{
    /// <exception cref="TemplateReadException">The text is not JSON, or breaks a limit.</exception>
    public static TemplateNode? Read(byte[] utf8)
    {
        var lines = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = TemplateLimits.MaxDepth + 1, CommentHandling = JsonCommentHandling.Skip });
        var open = new Stack<(List<TemplateNode> Items, List<(string Key, int Line)>? Keys, HashSet<string>? Seen, int Line)>();
        TemplateNode? root = null;
        (string Key, int Line) key = default;
        var nodes = 0;
        try
        {
            while (reader.Read())
            {
                var line = LineOf(lines, reader.TokenStartIndex);
                TemplateNode? done = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        key = (reader.GetString()!, line);
                        if (!open.Peek().Seen!.Add(key.Key))
                        {
                            throw new TemplateReadException(TemplateTexts.DuplicateKey(key.Key), line);
                        }

                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (open.Count >= TemplateLimits.MaxDepth)
                        {
                            throw new TemplateReadException(TemplateTexts.TooDeep(), line);
                        }

                        if (open.Count > 0)
                        {
                            open.Peek().Keys?.Add(key);
                        }

                        open.Push(reader.TokenType == JsonTokenType.StartObject ? ([], [], new(StringComparer.Ordinal), line) : ([], null, null, line));
                        nodes++;
                        continue;
                    case JsonTokenType.EndObject:
                        var mapping = open.Pop();
                        done = new MappingNode([.. mapping.Keys!.Zip(mapping.Items, (k, v) => new MappingEntry(k.Key, v, k.Line))], mapping.Line);
                        break;
                    case JsonTokenType.EndArray:
                        var sequence = open.Pop();
                        done = new SequenceNode(sequence.Items, sequence.Line);
                        break;
                    default:
                        if (open.Count > 0)
                        {
                            open.Peek().Keys?.Add(key);
                        }

                        done = new ScalarNode(Scalar(ref reader), line);
                        nodes++;
                        break;
                }

                if (nodes > TemplateLimits.MaxNodes)
                {
                    throw new TemplateReadException(TemplateTexts.TooManyNodes(), line);
                }

                if (open.Count == 0)
                {
                    root = done;
                }
                else
                {
                    open.Peek().Items.Add(done);
                }
            }
        }
        catch (JsonException error)
        {
            throw new TemplateReadException(TemplateTexts.InvalidJson(error.Message), (int)(error.LineNumber ?? 0) + 1);
        }

        return root;
    }

    private static string? Scalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => null,
        _ => Encoding.UTF8.GetString(reader.ValueSpan),
    };

    private static List<long> LineStarts(byte[] utf8)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<long> starts, long offset)
    {
        var index = starts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }
}
