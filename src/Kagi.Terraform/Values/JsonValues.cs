using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kagi.Core.Localization;

namespace Kagi.Terraform.Values;

/// <summary>Converts between JSON and Terraform values: jsonencode/jsondecode and plan files.</summary>
internal static class JsonValues
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TfValue FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new TfObject(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, FromJson(p.Value)))),
        JsonValueKind.Array => new TfSequence([.. element.EnumerateArray().Select(FromJson)]),
        JsonValueKind.String => new TfString(element.GetString()!),
        JsonValueKind.Number => Number(element),
        JsonValueKind.True => TfValue.True,
        JsonValueKind.False => TfValue.False,
        _ => TfValue.Null,
    };

    // Kagi computes with decimal: a number beyond its range (1e308, a 40-digit integer) is one unknown value with the
    // reason, so one such attribute cannot cost the rest of the file.
    private static TfValue Number(JsonElement element)
    {
        if (element.TryGetDecimal(out var number))
        {
            return new TfNumber(number);
        }

        var text = element.GetRawText();
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return new TfNumber(number);
        }

        var shown = text.Length > 40 ? text[..40] + "…" : text;
        return new TfUnknown(Texts.Canonical("reasons.number-out-of-range", ("number", shown)));
    }

    /// <summary>Encodes a wholly known value; object keys come out in lexical order, as Terraform writes them.</summary>
    public static string ToJson(TfValue value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            Write(writer, value);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, TfValue value)
    {
        switch (value)
        {
            case TfBool b:
                writer.WriteBooleanValue(b.Value);
                break;
            case TfNumber n:
                writer.WriteRawValue(ValueOps.FormatNumber(n.Value));
                break;
            case TfString s:
                writer.WriteStringValue(s.Value);
                break;
            case TfSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case TfObject obj:
                writer.WriteStartObject();
                foreach (var (name, attribute) in obj.Attributes)
                {
                    writer.WritePropertyName(name);
                    Write(writer, attribute);
                }

                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
