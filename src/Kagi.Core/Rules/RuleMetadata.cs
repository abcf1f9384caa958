namespace Kagi.Core.Rules;

/// <summary>Everything a rule says about itself: what it checks, why it matters and how to fix a failure.</summary>
public sealed record RuleMetadata
{
    public required string Id { get; init; }

    /// <summary>The IDs the rule had before it was generalised, e.g. <c>neptune-cluster-key-usable</c>; still found by them.</summary>
    public IReadOnlyList<string> PreviousIds { get; init; } = [];

    public required string Service { get; init; }

    /// <summary>The normalised resource type the rule judges, e.g. <c>AWS::Neptune::DBCluster</c>: the kind of the rule class's resource record.</summary>
    public required string ResourceType { get; init; }

    public required Severity Severity { get; init; }

    public required LocalizedText Title { get; init; }

    public required LocalizedText Risk { get; init; }

    /// <summary>Result messages by key (<c>pass</c>, <c>fail</c>, <c>unknown</c>, …), with <c>{{name}}</c> placeholders.</summary>
    public required IReadOnlyDictionary<string, MessageText> Messages { get; init; }

    public required Remediation Remediation { get; init; }

    /// <summary>Builds the <c>{{&gt;part}}</c>s of the remediation templates; null for a rule whose templates name none.</summary>
    public IFixBuilder? FixBuilder { get; init; }

    /// <summary>The same check in other tools, e.g. <c>checkov: CKV_AWS_44</c>.</summary>
    public required IReadOnlyList<Equivalent> Equivalents { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>The controls of standards this rule gives evidence for; the metadata file must list them, or say [] when none can be justified.</summary>
    public IReadOnlyList<ComplianceMapping> Compliance { get; init; } = [];
}

/// <summary>How to fix a failure in each medium the rule declares; every text may hold <c>{{placeholders}}</c> filled for the resource.</summary>
public sealed record Remediation(IReadOnlyDictionary<RemediationMedium, VariantText> ByMedium)
{
    /// <summary>The declared media, in the order reports show them.</summary>
    public IReadOnlyList<RemediationMedium> Media { get; } = [.. RemediationMedium.All.Where(ByMedium.ContainsKey)];

    /// <summary>The <see cref="RemediationMedium.CloudFormation"/> fix by case variant, beside its notes in <see cref="ByMedium"/>; a rule declaring that medium has a <c>default</c>.</summary>
    public IReadOnlyDictionary<string, ResourcePatch> Patches { get; init; } = new Dictionary<string, ResourcePatch>();

    /// <summary>The declared media shown for a resource of <paramref name="source"/>.</summary>
    public IEnumerable<RemediationMedium> MediaFor(string source) => Media.Where(medium => medium.IsShownFor(source));

    /// <summary>
    /// The variant shown in <paramref name="medium"/> for a result that selects <paramref name="variant"/> on a resource
    /// declared as <paramref name="type"/>: in CloudFormation, a type the kind is also declared as, whose properties
    /// differ (<c>AWS::DynamoDB::GlobalTable</c> for a DynamoDB table), has a variant of its own name.
    /// </summary>
    public string? VariantFor(RemediationMedium medium, string? variant, string type) =>
        medium == RemediationMedium.CloudFormation && Patches.ContainsKey(type) ? type : variant;

    /// <summary>Whether a variant is one chosen by the declared type (<see cref="VariantFor"/>), not by a rule's result.</summary>
    public static bool NamesType(string variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return variant.Contains("::", StringComparison.Ordinal);
    }

    public ResourcePatch PatchFor(string? variant) =>
        variant is not null && Patches.TryGetValue(variant, out var patch) ? patch : Patches[VariantText.DefaultVariant];

    public VariantText For(RemediationMedium medium) =>
        ByMedium.TryGetValue(medium, out var text) ? text : throw new KeyNotFoundException($"the rule declares no '{medium}' remediation");
}

/// <summary>The same check in another tool or standard.</summary>
/// <param name="ChecksKeyManager">
/// For a key check: whether the peer asks KMS who manages the key (true), or passes on any key set or any alias not under
/// <c>alias/aws/</c> (false); null where it does not apply or was not recorded.
/// </param>
public sealed record Equivalent(string Tool, string Id, bool? ChecksKeyManager = null);

/// <summary>One control of one standard, e.g. <c>aws-security-hub: Neptune.4</c> or <c>nist-800-53-r5: SC-28</c>.</summary>
public sealed record ComplianceMapping(string Framework, string Control)
{
    /// <summary>The framework names a rule may use, so that filtering by framework cannot miss a misspelt one.</summary>
    public static IReadOnlySet<string> Frameworks { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "aws-security-hub", "cis-aws-foundations", "pci-dss-4.0", "iso-27001-2022", "nist-800-53-r5", "fisc", "ismap",
    };
}
