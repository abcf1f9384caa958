using System.Text.Json;
using System.Text.Json.Serialization;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Core.Rules;

namespace Kagi.Store;

/// <summary>
/// What a finding's latest result needs to explain itself again exactly as the scan did, beyond what the finding's own
/// columns hold (the resource's name among them): its scope and source address, the rule's message key, remediation
/// variant and evidence. Kept once per finding, not per scan, so the store's size follows the findings, not the scans.
/// </summary>
public sealed record ResultDetail(
    string? Scope,
    SourceAddress? Declaration,
    string MessageKey,
    string? RemediationVariant,
    IReadOnlyDictionary<string, string?> Evidence)
{

    // Details stored before declarations were source-neutral name a Terraform address in these two fields instead
    // (internal, not private, so that the generated serializer reads them).
    [JsonInclude]
    internal string? TerraformType { get; init; }

    [JsonInclude]
    internal string? TerraformName { get; init; }

    private SourceAddress? RecordedDeclaration => Declaration
        ?? (TerraformType is not null && TerraformName is not null ? new SourceAddress(ResourceSources.Terraform, TerraformType, TerraformName) : null);

    public static ResultDetail Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var resource = finding.Resource;
        return new ResultDetail(
            resource.Scope,
            resource.Declaration,
            finding.Result.MessageKey,
            finding.Result.RemediationVariant,
            finding.Result.Evidence);
    }

    /// <summary>
    /// The finding as its scan judged it, for <paramref name="rule"/>: the same resource identity, message and evidence,
    /// so its texts and fixes are filled in exactly as the scan's report filled them.
    /// </summary>
    internal Finding Rebuild(TrackedFinding tracked, RuleMetadata rule)
    {
        ArgumentNullException.ThrowIfNull(tracked);
        ArgumentNullException.ThrowIfNull(rule);
        var resource = new StoredResource
        {
            Id = tracked.ResourceId,
            StoredType = tracked.ResourceType,
            Name = tracked.ResourceName is { } name ? Fact.Known(name) : Fact.Unknown<string>(Texts.Canonical("reasons.name-not-recorded")),
            Tags = tracked.Tags is { } tags ? Fact.Known(tags) : Fact.NotReported<IReadOnlyDictionary<string, string>>("tags"),
            Scope = Scope,
            Account = tracked.Account,
            Region = tracked.Region,
            Location = tracked.File is null ? null : new SourceLocation(tracked.File, (int)(tracked.Line ?? 1)),
            Declaration = RecordedDeclaration,
        };
        return new Finding(rule, resource, new RuleResult(tracked.LastStatus, MessageKey, Evidence, RemediationVariant));
    }

    /// <summary>
    /// For a finding stored before results kept their detail (schema version 1): the rule's own message for the
    /// status, no evidence, and no name, so the fix shows <c>&lt;name&gt;</c> where the name goes rather than a guess.
    /// </summary>
    internal static ResultDetail NotRecorded(TrackedFinding tracked, RuleMetadata rule)
    {
        ArgumentNullException.ThrowIfNull(tracked);
        ArgumentNullException.ThrowIfNull(rule);
        var wanted = tracked.LastStatus switch
        {
            ResultStatus.Pass => "pass",
            ResultStatus.Unknown or ResultStatus.Error => "unknown",
            _ => "fail",
        };
        var messageKey = rule.Messages.ContainsKey(wanted) ? wanted : rule.Messages.Keys.FirstOrDefault(key => key.StartsWith(wanted, StringComparison.Ordinal)) ?? wanted;
        return new ResultDetail(null, null, messageKey, null, new Dictionary<string, string?>());
    }

    internal string ToJson() => JsonSerializer.Serialize(this, ResultDetailJson.Default.ResultDetail);

    // A detail that does not read (hand-edited, or from a newer Kagi) is treated as not recorded, never as an error.
    internal static ResultDetail? FromJson(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, ResultDetailJson.Default.ResultDetail) is { MessageKey: not null, Evidence: not null } detail ? detail : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A resource as the store recorded it: its type is the stored name, whatever model record it came from.</summary>
    private sealed record StoredResource : CloudResource
    {
        public required string StoredType { get; init; }

        public override ResourceKind Kind => ResourceKind.Named(StoredType);
    }
}
