using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kagi.Reporting;

/// <summary>How the JSON-based interchange formats (SARIF, OCSF, ASFF) are serialised.</summary>
internal static class ReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,

        // Japanese text stays readable; every consumer of these files renders them as data, not markup.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(JsonNode node, TextWriter output)
    {
        output.Write(node.ToJsonString(Options));
        output.WriteLine();
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
