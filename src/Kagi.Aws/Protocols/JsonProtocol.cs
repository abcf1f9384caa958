using System.Text.Json;

namespace Kagi.Aws.Protocols;

/// <summary>
/// The JSON protocol (1.0 and 1.1): a JSON document POSTed to <c>/</c>, the operation in <c>X-Amz-Target</c>.
/// Its answers and errors are read the same way as REST-JSON's.
/// </summary>
internal class JsonProtocol : WireProtocol
{
    public static readonly JsonProtocol Instance = new();

    private protected JsonProtocol()
    {
    }

    public override HttpRequestMessage Request(Uri endpoint, AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Body(input, $"application/x-amz-json-{operation.Api.JsonVersion}") };
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{operation.Api.TargetPrefix}.{operation.Name}");
        return request;
    }

    public override AwsAnswer Answer(AwsOperation operation, byte[] body)
    {
        try
        {
            // An operation with nothing to say may answer with no body at all.
            using var document = JsonDocument.Parse(body.Length == 0 ? "{}"u8.ToArray() : body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? new JsonAnswer(operation, string.Empty, document.RootElement.Clone())
                : throw Unreadable(operation, "MalformedJson", "the answer is not a JSON object");
        }
        catch (JsonException exception)
        {
            throw Unreadable(operation, "MalformedJson", exception.Message, exception);
        }
    }

    // The code is in the x-amzn-ErrorType header ("Code:uri") or the body's __type or code ("namespace#Code").
    public override (string Code, string Message)? Error(HttpResponseMessage response, byte[] body)
    {
        var fields = ErrorFields(body);
        var header = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        var code = header ?? Field(fields, "__type") ?? Field(fields, "code") ?? Field(fields, "Code");
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        code = code.Split(':')[0];
        code = code[(code.LastIndexOf('#') + 1)..];
        return (code, Field(fields, "message") ?? Field(fields, "Message") ?? string.Empty);
    }

    private protected static ByteArrayContent Body(IEnumerable<KeyValuePair<string, object>> members, string mediaType)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in members)
            {
                json.WritePropertyName(name);
                WriteValue(json, name, value);
            }

            json.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        return content;
    }

    // The values a request member takes: written by hand, as the published binary serializes nothing by reflection.
    private static void WriteValue(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case string text:
                json.WriteStringValue(text);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case IEnumerable<string> texts:
                json.WriteStartArray();
                foreach (var text in texts)
                {
                    json.WriteStringValue(text);
                }

                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"request member {name} is a {value.GetType().Name}: a JSON request takes strings, numbers, booleans and lists of strings", nameof(value));
        }
    }

    private static Dictionary<string, JsonElement> ErrorFields(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(field => field.Name, field => field.Value.Clone(), StringComparer.Ordinal)
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Field(Dictionary<string, JsonElement> fields, string name) =>
        fields.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
