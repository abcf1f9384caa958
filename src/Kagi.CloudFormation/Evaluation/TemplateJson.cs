using System.Text;
using System.Text.Json;

namespace Kagi.CloudFormation.Evaluation;

/// <summary>A property of type Json (a key policy) as the JSON text CloudFormation sends; scalars stay strings, as written.</summary>
internal static class TemplateJson
{
    /// <summary>
    /// The JSON text; the first unknown part instead when any part is unknown, except those <paramref name="standIn"/>
    /// gives a text for, which are written as that text.
    /// </summary>
    public static (string? Json, TemplateUnknown? Unknown) Write(TemplateValue value, Func<TemplateUnknown, string?>? standIn = null)
    {
        standIn ??= _ => null;
        if (FirstUnknown(value, standIn) is { } unknown)
        {
            return (null, unknown);
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, standIn);
        }

        return (Encoding.UTF8.GetString(buffer.ToArray()), null);
    }

    private static TemplateUnknown? FirstUnknown(TemplateValue value, Func<TemplateUnknown, string?> standIn) => value switch
    {
        TemplateUnknown unknown => standIn(unknown) is null ? unknown : null,
        TemplateList list => list.Items.Select(item => FirstUnknown(item, standIn)).FirstOrDefault(found => found is not null),
        TemplateMap map => map.Entries.Select(entry => FirstUnknown(entry.Value, standIn)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static void Write(Utf8JsonWriter writer, TemplateValue value, Func<TemplateUnknown, string?> standIn)
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
                    Write(writer, item, standIn);
                }

                writer.WriteEndArray();
                break;
            case TemplateMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, standIn);
                }

                writer.WriteEndObject();
                break;
            case TemplateUnknown unknown:
                writer.WriteStringValue(standIn(unknown));
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
