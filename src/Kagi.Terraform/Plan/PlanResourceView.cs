using System.Text.Json;
using Kagi.Core.Model;
using Kagi.Terraform.Mapping;
using Kagi.Terraform.Values;

namespace Kagi.Terraform.Plan;

/// <summary>
/// A resource of a plan: its planned values, which of them are unknown until apply, and the configuration's
/// expressions, whose references say which resource an unknown value will come from.
/// </summary>
internal sealed class PlanResourceView : IResourceView
{
    private readonly JsonElement? _values;
    private readonly JsonElement? _afterUnknown;
    private readonly JsonElement? _expressions;
    private readonly string _modulePrefix;

    /// <param name="modulePrefix">The module instance the resource is in (<c>module.db.</c>), or empty for the root module.</param>
    public PlanResourceView(PlanResourceParts parts, string modulePrefix, SourceLocation location, string? region)
    {
        Address = parts.Address;
        Type = parts.Type;
        Name = parts.Name;
        _values = parts.Values;
        _afterUnknown = parts.AfterUnknown;
        _expressions = parts.Expressions;
        _modulePrefix = modulePrefix;
        Location = location;
        Region = region;
    }

    public string Address { get; }

    public string Type { get; }

    public string Name { get; }

    public SourceLocation Location { get; }

    public string? Region { get; }

    public string? Repetition => null;

    public TfValue Get(string attribute)
    {
        var expression = PlanJson.Property(_expressions, attribute);
        if (PlanJson.Property(_afterUnknown, attribute) is { ValueKind: JsonValueKind.True })
        {
            // Left out of the configuration, the provider computes it: for kms_key_arn, the service's default key.
            return _expressions is not null && expression is null
                ? TfValue.Null
                : new TfUnknown($"{Address}.{attribute} is known only after apply", Origin(attribute));
        }

        if (PlanJson.Property(_values, attribute) is { } value)
        {
            return JsonValues.FromJson(value);
        }

        if (PlanJson.Property(expression, "constant_value") is { } constant)
        {
            return JsonValues.FromJson(constant);
        }

        return References(attribute).Count > 0
            ? new TfUnknown($"{Address}.{attribute} is known only after apply", Origin(attribute))
            : TfValue.Null;
    }

    public string Describe(string attribute)
    {
        var references = References(attribute);
        return references.Count > 0 ? string.Join(", ", references)
            : PlanJson.Property(PlanJson.Property(_expressions, attribute), "constant_value") is { } constant ? constant.GetRawText()
            : "(not set)";
    }

    private List<string> References(string attribute) =>
        PlanJson.Property(PlanJson.Property(_expressions, attribute), "references") is { ValueKind: JsonValueKind.Array } references
            ? [.. references.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)]
            : [];

    // Terraform lists every reference of an expression, longest first: ["aws_kms_key.k.arn", "aws_kms_key.k"].
    // The value stands for one resource only when all resource references name the same one.
    public ValueOrigin? Origin(string attribute)
    {
        var origins = References(attribute).Select(ParseReference).OfType<ValueOrigin>().ToList();
        var addresses = origins.Select(o => o.Address).Distinct(StringComparer.Ordinal).ToList();
        return addresses.Count == 1 ? origins.FirstOrDefault(o => o.Attribute is not null) ?? origins[0] : null;
    }

    private ValueOrigin? ParseReference(string reference)
    {
        var parts = reference.Split('.');
        var isData = parts[0] == "data";
        var at = isData ? 1 : 0;
        if (parts.Length < at + 2 || (!isData && parts[0] is "var" or "local" or "module" or "path" or "terraform" or "count" or "each" or "self"))
        {
            return null;
        }

        var address = $"{_modulePrefix}{string.Join('.', parts[..(at + 2)])}";
        return new ValueOrigin(address, parts.Length > at + 2 ? parts[at + 2] : null);
    }
}

/// <summary>What a plan says about one resource, gathered from its three sections.</summary>
internal sealed record PlanResourceParts(string Address, string Type, string Name, JsonElement? Values, JsonElement? AfterUnknown, JsonElement? Expressions);

internal static class PlanJson
{
    public static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) ? value : null;

    public static string? String(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static IEnumerable<JsonElement> Array(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];
}
