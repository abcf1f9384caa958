using System.Text.Json;
using System.Xml.Linq;

namespace Kagi.Aws.Protocols;

/// <summary>
/// One structure of an answer, whatever the protocol: Query XML or JSON, read by the model's member names, lists
/// and maps alike. Only the paths the operation declares can be read, so the botocore check of the declarations
/// covers every read; a member the answer leaves out reads as null, an empty list or an empty map.
/// </summary>
public abstract class AwsAnswer
{
    private readonly string _path;

    private protected AwsAnswer(AwsOperation operation, string path)
    {
        Operation = operation;
        _path = path;
    }

    public AwsOperation Operation { get; }

    /// <summary>A scalar member as text: strings as they are, booleans as <c>true</c>/<c>false</c>, numbers as written.</summary>
    public string? Text(string member) => ScalarOf(Declared(member), member);

    /// <summary>A structure member, or null when the answer leaves it out.</summary>
    public AwsAnswer? Member(string member) => StructureOf(Declared(member), member);

    /// <summary>The structures of a list member, in order.</summary>
    public IReadOnlyList<AwsAnswer> Items(string member) => ItemsOf(Declared(member), member);

    /// <summary>The values of a list of scalars, in order.</summary>
    public IReadOnlyList<string> Texts(string member) => TextsOf(Declared(member), member);

    /// <summary>A map of strings to strings.</summary>
    public IReadOnlyDictionary<string, string> Map(string member) => MapOf(Declared(member), member);

    /// <summary>A map of strings to structures, each value read by the paths declared under the map's own (as a list's items are).</summary>
    public IReadOnlyDictionary<string, AwsAnswer> Structures(string member) => StructuresOf(Declared(member), member);

    /// <summary>A top-level member read by the pager (tokens, more-results flags), which paginators-1.json declares instead.</summary>
    internal string? PagingText(string member) => ScalarOf(member, member);

    private protected abstract string? ScalarOf(string path, string member);

    private protected abstract AwsAnswer? StructureOf(string path, string member);

    private protected abstract IReadOnlyList<AwsAnswer> ItemsOf(string path, string member);

    private protected abstract IReadOnlyList<string> TextsOf(string path, string member);

    private protected abstract IReadOnlyDictionary<string, string> MapOf(string path, string member);

    private protected abstract IReadOnlyDictionary<string, AwsAnswer> StructuresOf(string path, string member);

    private protected AwsCallException Unexpected(string path, string what) =>
        new(Operation.Api.Service, Operation.Name, AwsFailureKind.Unparseable, "UnexpectedShape", $"{path} is not {what}");

    private string Declared(string member)
    {
        var path = _path.Length == 0 ? member : $"{_path}.{member}";
        return Operation.Reads(path)
            ? path
            : throw new InvalidOperationException($"{Operation} does not declare the output path {path}");
    }
}

/// <summary>A Query API answer: members are child elements by local name, list items the list element's children, maps entry/key/value.</summary>
internal sealed class XmlAnswer(AwsOperation operation, string path, XElement element) : AwsAnswer(operation, path)
{
    private protected override string? ScalarOf(string path, string member) => element.Child(member)?.Value;

    private protected override AwsAnswer? StructureOf(string path, string member) =>
        element.Child(member) is { } child ? new XmlAnswer(Operation, path, child) : null;

    private protected override IReadOnlyList<AwsAnswer> ItemsOf(string path, string member) =>
        [.. element.Child(member)?.Elements().Select(item => new XmlAnswer(Operation, path, item)) ?? []];

    private protected override IReadOnlyList<string> TextsOf(string path, string member) =>
        [.. element.Child(member)?.Elements().Select(item => item.Value) ?? []];

    private protected override IReadOnlyDictionary<string, string> MapOf(string path, string member) =>
        (element.Child(member)?.Elements() ?? []).ToDictionary(
            entry => entry.Text("key") ?? throw Unexpected(path, "a map with keys"),
            entry => entry.Text("value") ?? string.Empty,
            StringComparer.Ordinal);

    private protected override IReadOnlyDictionary<string, AwsAnswer> StructuresOf(string path, string member) =>
        (element.Child(member)?.Elements() ?? []).ToDictionary(
            entry => entry.Text("key") ?? throw Unexpected(path, "a map with keys"),
            entry => (AwsAnswer)new XmlAnswer(Operation, path, entry.Child("value") ?? throw Unexpected(path, "a map with values")),
            StringComparer.Ordinal);
}

/// <summary>A JSON or REST-JSON answer: members are properties; null reads as absent.</summary>
internal sealed class JsonAnswer(AwsOperation operation, string path, JsonElement element) : AwsAnswer(operation, path)
{
    private protected override string? ScalarOf(string path, string member) => Property(member) is { } value ? Scalar(path, value) : null;

    private protected override AwsAnswer? StructureOf(string path, string member) => Property(member) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Object } value => new JsonAnswer(Operation, path, value),
        _ => throw Unexpected(path, "an object"),
    };

    private protected override IReadOnlyList<AwsAnswer> ItemsOf(string path, string member) =>
        [.. Array(path, member).Select(item => item.ValueKind == JsonValueKind.Object ? new JsonAnswer(Operation, path, item) : throw Unexpected(path, "a list of objects"))];

    private protected override IReadOnlyList<string> TextsOf(string path, string member) => [.. Array(path, member).Select(item => Scalar(path, item))];

    private protected override IReadOnlyDictionary<string, string> MapOf(string path, string member) => Property(member) switch
    {
        null => new Dictionary<string, string>(StringComparer.Ordinal),
        { ValueKind: JsonValueKind.Object } value => value.EnumerateObject().ToDictionary(entry => entry.Name, entry => Scalar(path, entry.Value), StringComparer.Ordinal),
        _ => throw Unexpected(path, "a map"),
    };

    private protected override IReadOnlyDictionary<string, AwsAnswer> StructuresOf(string path, string member) => Property(member) switch
    {
        null => new Dictionary<string, AwsAnswer>(StringComparer.Ordinal),
        { ValueKind: JsonValueKind.Object } value => value.EnumerateObject().ToDictionary(
            entry => entry.Name,
            entry => entry.Value.ValueKind == JsonValueKind.Object ? (AwsAnswer)new JsonAnswer(Operation, path, entry.Value) : throw Unexpected(path, "a map of objects"),
            StringComparer.Ordinal),
        _ => throw Unexpected(path, "a map"),
    };

    private JsonElement? Property(string member) =>
        element.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private JsonElement[] Array(string path, string member) => Property(member) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } value => [.. value.EnumerateArray()],
        _ => throw Unexpected(path, "a list"),
    };

    private string Scalar(string path, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => throw Unexpected(path, "a scalar"),
    };
}
