using System.Text;
using System.Text.Json;

namespace Kagi.CloudFormation.Evaluation;

/// <summary>A property of type Json (a key policy) as the JSON text CloudFormation sends; scalars stay strings, as written.</summary>
internal static class TemplateJson
{
    /// <summary>The JSON text; the first unknown part instead when any part is unknown.</summary>
    public static (string? Json, TemplateUnknown? Unknown) Write(TemplateValue value)
    {
        if (FirstUnknown(value) is { } unknown)
        {
            return (null, unknown);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return (Encoding.UTF8.GetString(buffer.ToArray()), null);
    }

    private static TemplateUnknown? FirstUnknown(TemplateValue value) => value switch
    {
        TemplateUnknown unknown => unknown,
        TemplateList list => list.Items.Select(FirstUnknown).FirstOrDefault(found => found is not null),
        TemplateMap map => map.Entries.Select(entry => FirstUnknown(entry.Value)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static void Write(Utf8JsonWriter writer, TemplateValue value)
    {
        switch (value)
        {
            case TemplateText text:
                writer.WriteStringValue(text.Value);
                break;
            case TemplateList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TemplateMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
