using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kagi.Terraform.Plan;

/// <summary>Null-tolerant reads of a plan's JSON: a missing or mistyped property reads as absent, never as an exception.</summary>
internal static partial class PlanJson
{
    /// <summary>module.db[0].aws_kms_key.k["a"] → module.db.aws_kms_key.k: how the configuration names it.</summary>
    public static string WithoutInstanceKeys(string address) => InstanceKeys().Replace(address, string.Empty);

    public static List<string> Strings(JsonElement? array) => array is { ValueKind: JsonValueKind.Array } items
        ? [.. items.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)]
        : [];

    public static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) ? value : null;

    public static string? String(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static IEnumerable<JsonElement> Array(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex InstanceKeys();
}
