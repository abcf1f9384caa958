using System.Text.Json;
using Kagi.Core.Localization;

namespace Kagi.CloudFormation;

/// <summary>
/// Parameter values as the AWS CLI takes them: <c>KEY=VALUE</c>, and parameter files in the formats of
/// <c>aws cloudformation deploy</c> (<c>["Key=Value", …]</c> or <c>{"Parameters": {"Key": "Value"}}</c>) and of
/// <c>create-stack</c> (<c>[{"ParameterKey": "Key", "ParameterValue": "Value"}]</c>).
/// </summary>
public static class StackParameters
{
    /// <summary>Reads <c>KEY=VALUE</c>; null when there is no <c>=</c> or no key.</summary>
    public static KeyValuePair<string, string>? Assignment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? new(text[..equals].Trim(), text[(equals + 1)..]) : null;
    }

    /// <summary>The values a parameter file gives, in the order written.</summary>
    /// <exception cref="FormatException">The file is in none of the formats; the message says what was expected (canonical English).</exception>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 16 });
            return document.RootElement switch
            {
                { ValueKind: JsonValueKind.Array } list => [.. list.EnumerateArray().Select(Entry)],
                { ValueKind: JsonValueKind.Object } root when root.TryGetProperty("Parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object =>
                    [.. parameters.EnumerateObject().Select(property => new KeyValuePair<string, string>(property.Name, Text(property.Value)))],
                _ => throw Malformed(),
            };
        }
        catch (JsonException error)
        {
            throw new FormatException(Texts.Canonical("reasons.cloudformation-parameters-file-not-json", ("detail", error.Message)), error);
        }
    }

    private static KeyValuePair<string, string> Entry(JsonElement entry) => entry switch
    {
        { ValueKind: JsonValueKind.String } text when Assignment(text.GetString()!) is { } assignment => assignment,
        { ValueKind: JsonValueKind.Object } pair when pair.TryGetProperty("ParameterKey", out var key) && key.ValueKind == JsonValueKind.String
            && pair.TryGetProperty("ParameterValue", out var value) => new(key.GetString()!, Text(value)),
        _ => throw Malformed(),
    };

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw Malformed(),
    };

    private static FormatException Malformed() => new(Texts.Canonical("reasons.cloudformation-parameters-file-format"));
}
