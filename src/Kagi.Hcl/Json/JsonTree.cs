using System.Globalization;
using System.Text;
using System.Text.Json;
using Kagi.Hcl.Text;

namespace Kagi.Hcl.Json;

/// <summary>A JSON value with its character offsets in the file, which <see cref="JsonDocument"/> does not keep.</summary>
internal abstract record JsonTreeNode(int Start, int End);

internal sealed record JsonTreeString(string Value, int Start, int End) : JsonTreeNode(Start, End);

internal sealed record JsonTreeNumber(decimal Value, int Start, int End) : JsonTreeNode(Start, End);

/// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed record JsonTreeKeyword(object? Value, int Start, int End) : JsonTreeNode(Start, End);

internal sealed record JsonTreeArray(IReadOnlyList<JsonTreeNode> Items, int Start, int End) : JsonTreeNode(Start, End);

/// <summary>An object, its properties in source order; duplicate names are kept (HCL's JSON syntax allows repeated block keys).</summary>
internal sealed record JsonTreeObject(IReadOnlyList<JsonTreeProperty> Properties, int Start, int End) : JsonTreeNode(Start, End);

internal sealed record JsonTreeProperty(string Name, int NameStart, int NameEnd, JsonTreeNode Value);

/// <summary>Reads JSON with <see cref="Utf8JsonReader"/>, turning its byte offsets into character offsets.</summary>
internal sealed class JsonTreeReader
{
    private const int MaxDepth = 256;

    private readonly byte[] _utf8;
    private readonly int[] _charAtByte;
    private readonly LineMap _lines;

    public JsonTreeReader(string text, LineMap lines)
    {
        _lines = lines;
        _utf8 = Encoding.UTF8.GetBytes(text);
        _charAtByte = new int[_utf8.Length + 1];
        var b = 0;
        for (var c = 0; c < text.Length; c++)
        {
            var width = char.IsHighSurrogate(text[c]) && c + 1 < text.Length && char.IsLowSurrogate(text[c + 1])
                ? 4
                : Encoding.UTF8.GetByteCount(text.AsSpan(c, 1));
            for (var i = 0; i < width && b < _utf8.Length; i++)
            {
                _charAtByte[b++] = c;
            }

            c += width == 4 ? 1 : 0;
        }

        _charAtByte[_utf8.Length] = text.Length;
    }

    public JsonTreeNode Read()
    {
        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read())
            {
                throw _lines.Error("the file is empty: expected a JSON object", 0, 0);
            }

            var root = ReadValue(ref reader);
            return reader.Read()
                ? throw _lines.Error("unexpected content after the end of the JSON object", CharAt(reader.TokenStartIndex), CharAt(reader.TokenStartIndex) + 1)
                : root;
        }
        catch (JsonException e)
        {
            throw JsonError(e, reader);
        }
    }

    private JsonTreeNode ReadValue(ref Utf8JsonReader reader)
    {
        var start = CharAt(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new JsonTreeString(reader.GetString()!, start, CharAt(reader.BytesConsumed));
            case JsonTokenType.Number:
                return new JsonTreeNumber(ParseNumber(reader, start), start, CharAt(reader.BytesConsumed));
            case JsonTokenType.True or JsonTokenType.False:
                return new JsonTreeKeyword(reader.GetBoolean(), start, CharAt(reader.BytesConsumed));
            case JsonTokenType.Null:
                return new JsonTreeKeyword(null, start, CharAt(reader.BytesConsumed));
            case JsonTokenType.StartArray:
                var items = new List<JsonTreeNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader));
                }

                return new JsonTreeArray(items, start, CharAt(reader.BytesConsumed));
            case JsonTokenType.StartObject:
                var properties = new List<JsonTreeProperty>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var nameStart = CharAt(reader.TokenStartIndex);
                    var nameEnd = CharAt(reader.BytesConsumed);
                    reader.Read();
                    properties.Add(new JsonTreeProperty(name, nameStart, nameEnd, ReadValue(ref reader)));
                }

                return new JsonTreeObject(properties, start, CharAt(reader.BytesConsumed));
            default:
                throw _lines.Error($"unexpected JSON token {reader.TokenType}", start, start + 1);
        }
    }

    private decimal ParseNumber(Utf8JsonReader reader, int start)
    {
        var raw = Encoding.UTF8.GetString(reader.ValueSpan);
        return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw _lines.Error($"the number {raw} is too large", start, start + raw.Length);
    }

    private int CharAt(long byteOffset) => _charAtByte[Math.Min(byteOffset, _charAtByte.Length - 1)];

    /// <summary>The reader knows the line and the byte within it; the column is counted in characters like everywhere else.</summary>
    private HclParseException JsonError(JsonException e, Utf8JsonReader reader)
    {
        var detail = e.Message.Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');
        var offset = CharAt(Math.Min(reader.BytesConsumed, _utf8.Length));
        if (e.LineNumber is { } line && e.BytePositionInLine is { } column)
        {
            var lineStart = 0;
            for (var seen = 0L; seen < line && lineStart < _utf8.Length; lineStart++)
            {
                if (_utf8[lineStart] == '\n')
                {
                    seen++;
                }
            }

            offset = CharAt(Math.Min(lineStart + column, _utf8.Length));
        }

        return _lines.Error($"invalid JSON: {detail}", offset, offset + 1);
    }
}
