using System.Globalization;
using System.Text.Json.Nodes;

namespace Kagi.Reporting;

/// <summary>How the JSON-based interchange formats (SARIF, OCSF, ASFF) are written.</summary>
internal static class ReportJson
{
    /// <summary>A JSON array of one node per item, each written and let go before the next is made.</summary>
    public static void WriteArray(IEnumerable<JsonNode> items, TextWriter output)
    {
        using var stream = new JsonTextOutput(output);
        stream.Json.WriteStartArray();
        foreach (var item in items)
        {
            item.WriteTo(stream.Json);
            stream.FlushIfFull();
        }

        stream.Json.WriteEndArray();
    }

    /// <summary>ISO-8601 in UTC with milliseconds, the form SARIF, ASFF and most SIEMs accept alike.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A map of strings as a JSON object, keys in ordinal order.</summary>
    public static JsonObject Map(IReadOnlyDictionary<string, string> map) =>
        new(Kagi.Core.Model.ResourceTags.Sorted(map).Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)JsonValue.Create(entry.Value))));

    /// <summary>Drops null members so optional fields are absent rather than null, as the schemas expect.</summary>
    public static JsonObject Compact(JsonObject node)
    {
        foreach (var key in node.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            node.Remove(key);
        }

        return node;
    }
}
