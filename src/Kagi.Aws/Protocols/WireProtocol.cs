using System.Globalization;

namespace Kagi.Aws.Protocols;

/// <summary>How one protocol puts an operation on the wire and reads what comes back; <see cref="AwsApiClient"/> does the rest.</summary>
internal abstract class WireProtocol
{
    public static WireProtocol For(AwsProtocol protocol) => protocol switch
    {
        AwsProtocol.Query => QueryProtocol.Instance,
        AwsProtocol.Json => JsonProtocol.Instance,
        AwsProtocol.RestJson => RestJsonProtocol.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "no such protocol"),
    };

    public abstract HttpRequestMessage Request(Uri endpoint, AwsOperation operation, IReadOnlyList<KeyValuePair<string, object>> input);

    /// <summary>The answer of a successful call; throws an <see cref="AwsCallException"/> when it cannot be read.</summary>
    public abstract AwsAnswer Answer(AwsOperation operation, byte[] body);

    /// <summary>AWS's error code and message from a failed call's answer, or null when the answer has none (an HTML 5xx page).</summary>
    public abstract (string Code, string Message)? Error(HttpResponseMessage response, byte[] body);

    /// <summary>A scalar input as the Query protocol and query strings write it.</summary>
    protected static string Text(AwsOperation operation, string member, object value) => value switch
    {
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => throw new ArgumentException($"{operation} input {member} must be a string, int or bool here, not {value.GetType().Name}", nameof(value)),
    };

    protected static AwsCallException Unreadable(AwsOperation operation, string code, string detail, Exception? inner = null) =>
        new(operation.Api.Service, operation.Name, AwsFailureKind.Unparseable, code, detail, inner);
}
