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
        var document = members.ToDictionary(member => member.Key, member => member.Value, StringComparer.Ordinal);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(document));
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        return content;
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
