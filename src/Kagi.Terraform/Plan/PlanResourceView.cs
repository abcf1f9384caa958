using System.Text.Json;
using Kagi.Core.Localization;
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
    // Modules nest far less deep than this; it only stops an output that refers back to itself.
    private const int MaxModuleDepth = 16;

    private readonly JsonElement? _values;
    private readonly JsonElement? _afterUnknown;
    private readonly JsonElement? _expressions;
    private readonly string _modulePrefix;
    private readonly IReadOnlyDictionary<string, List<string>> _outputReferences;

    /// <param name="modulePrefix">The module instance the resource is in (<c>module.db.</c>), or empty for the root module.</param>
    /// <param name="outputReferences">What each module output's expression refers to, by output address (<c>module.kms.key_arn</c>).</param>
    public PlanResourceView(PlanResourceParts parts, string modulePrefix, IReadOnlyDictionary<string, List<string>> outputReferences, SourceLocation location, string? region, string? account)
    {
        _outputReferences = outputReferences;
        Address = parts.Address;
        Type = parts.Type;
        Name = parts.Name;
        _values = parts.Values;
        _afterUnknown = parts.AfterUnknown;
        _expressions = parts.Expressions;
        _modulePrefix = modulePrefix;
        Location = location;
        Account = account;

        // Provider 6 lets each resource name its region (and plans show the one it resolved); otherwise the provider's.
        Region = Get("region") is TfString { Value.Length: > 0 } own ? own.Value : region;
    }

    public string Address { get; }

    public string Type { get; }

    public string Name { get; }

    public SourceLocation Location { get; }

    public string? Region { get; }

    public string? Account { get; }

    public TfValue Get(string attribute)
    {
        var expression = PlanJson.Property(_expressions, attribute);
        if (PlanJson.Property(_afterUnknown, attribute) is { ValueKind: JsonValueKind.True })
        {
            // Left out of the configuration, the provider computes it: for kms_key_arn, the service's default key.
            return _expressions is not null && expression is null
                ? TfValue.Null
                : new TfUnknown(Texts.Canonical("reasons.known-after-apply", ("address", $"{Address}.{attribute}")), Origin(attribute));
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
            ? new TfUnknown(Texts.Canonical("reasons.known-after-apply", ("address", $"{Address}.{attribute}")), Origin(attribute))
            : TfValue.Null;
    }

    // The provider plans tags_all itself, default_tags included; a plan from a provider too old to have it shows tags only.
    public TfValue TagsAll => PlanJson.Property(_afterUnknown, "tags_all") is { } unknown && AnyUnknown(unknown)
        ? new TfUnknown(Texts.Canonical("reasons.known-after-apply", ("address", $"{Address}.tags_all")))
        : PlanJson.Property(_values, "tags_all") is { ValueKind: not JsonValueKind.Null } all ? JsonValues.FromJson(all) : Get("tags");

    // after_unknown marks a whole value true, or the unknown entries of a map.
    private static bool AnyUnknown(JsonElement marks) => marks.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.Object => marks.EnumerateObject().Any(entry => AnyUnknown(entry.Value)),
        _ => false,
    };

    // A nested block's values, unknowns and expressions are each the first item of the resource's list of that block.
    public IResourceView? Block(string type) =>
        PlanJson.Property(_values, type) is { ValueKind: JsonValueKind.Array } blocks && blocks.GetArrayLength() > 0 && blocks[0].ValueKind == JsonValueKind.Object
            ? new PlanResourceView(
                new PlanResourceParts($"{Address}.{type}[0]", Type, Name, blocks[0], FirstOf(_afterUnknown, type), FirstOf(_expressions, type), string.Empty),
                _modulePrefix,
                _outputReferences,
                Location,
                Region,
                Account)
            : null;

    private static JsonElement? FirstOf(JsonElement? parent, string type) =>
        PlanJson.Property(parent, type) is { ValueKind: JsonValueKind.Array } list && list.GetArrayLength() > 0 ? list[0] : null;

    public string Describe(string attribute)
    {
        var references = References(attribute);
        return references.Count > 0 ? string.Join(", ", references)
            : PlanJson.Property(PlanJson.Property(_expressions, attribute), "constant_value") is { } constant ? constant.GetRawText()
            : "(not set)";
    }

    private List<string> References(string attribute) => PlanJson.Strings(PlanJson.Property(PlanJson.Property(_expressions, attribute), "references"));

    // Terraform lists every reference of an expression, longest first: ["aws_kms_key.k.arn", "aws_kms_key.k"].
    // The value stands for one resource only when all resource references name the same one.
    public ValueOrigin? Origin(string attribute)
    {
        var origins = Origins(References(attribute), _modulePrefix, 0).ToList();
        var addresses = origins.Select(o => o.Address).Distinct(StringComparer.Ordinal).ToList();
        return addresses.Count == 1 ? origins.FirstOrDefault(o => o.Attribute is not null) ?? origins[0] : null;
    }

    // A module output (module.kms.key_arn) is followed into the module, to what its expression refers to.
    private IEnumerable<ValueOrigin> Origins(IEnumerable<string> references, string modulePrefix, int depth)
    {
        foreach (var parts in references.Select(r => r.Split('.')))
        {
            var isData = parts[0] == "data";
            var at = isData ? 1 : 0;
            if (parts is ["module", var call, var output, ..] && depth < MaxModuleDepth
                && _outputReferences.TryGetValue(PlanJson.WithoutInstanceKeys($"{modulePrefix}module.{call}.{output}"), out var inner))
            {
                foreach (var origin in Origins(inner, $"{modulePrefix}module.{call}.", depth + 1))
                {
                    yield return origin;
                }
            }
            else if (parts.Length >= at + 2 && (isData || parts[0] is not ("var" or "local" or "module" or "path" or "terraform" or "count" or "each" or "self")))
            {
                yield return new ValueOrigin($"{modulePrefix}{string.Join('.', parts[..(at + 2)])}", parts.Length > at + 2 ? parts[at + 2] : null);
            }
        }
    }
}

/// <summary>What a plan says about one resource, gathered from its three sections.</summary>
/// <param name="ProviderKey">The resource's <c>provider_config_key</c>: which entry of the plan's provider_config it uses.</param>
internal sealed record PlanResourceParts(string Address, string Type, string Name, JsonElement? Values, JsonElement? AfterUnknown, JsonElement? Expressions, string ProviderKey);
