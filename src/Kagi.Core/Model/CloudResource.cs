namespace Kagi.Core.Model;

/// <summary>A normalised resource, from whichever source it came.</summary>
public abstract record CloudResource
{
    /// <summary>The ARN of a live resource, or the full Terraform address of a planned one.</summary>
    public required string Id { get; init; }

    /// <summary>The name a person uses for it, e.g. the cluster identifier; used to fill in remediation.</summary>
    public required Fact<string> Name { get; init; }

    /// <summary>
    /// What tells apart resources with the same <see cref="Id"/>: the root module a Terraform address belongs to
    /// (two root modules may both declare <c>aws_neptune_cluster.this</c>); null where the ID is unique, as an ARN is.
    /// </summary>
    public string? Scope { get; init; }

    public string? Region { get; init; }

    public string? Account { get; init; }

    /// <summary>The account's name as the organization gives it, on a resource an organization scan read; null otherwise.</summary>
    public string? AccountName { get; init; }

    /// <summary>Where the resource is declared; null for live resources.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>Which infrastructure-as-code source declared it, under which of that source's types and names; null for live resources.</summary>
    public SourceAddress? Declaration { get; init; }

    /// <summary>In-code suppressions found on the resource.</summary>
    public IReadOnlyList<Suppression> Suppressions { get; init; } = [];

    /// <summary>
    /// The resource's tags, key to value, as AWS holds them (from Terraform: <c>tags_all</c>, the provider's
    /// <c>default_tags</c> under the resource's own). A source that sets none leaves them unknown, so a tag filter
    /// judges the resource and says so rather than dropping it.
    /// </summary>
    [AbsentFromOlderInventories]
    public Fact<IReadOnlyDictionary<string, string>> Tags { get; init; } = TagsNotRead;

    /// <summary>The tags of a resource whose source has not read them (as opposed to having tried and failed).</summary>
    public static Fact<IReadOnlyDictionary<string, string>> TagsNotRead { get; } = Fact.NotReported<IReadOnlyDictionary<string, string>>("tags");

    /// <summary>What kind of resource this is: the record's <see cref="ResourceKind"/>, declared once as its static <c>Descriptor</c>.</summary>
    public virtual ResourceKind Kind => ResourceKinds.Of(GetType());

    /// <summary>The source-neutral type, as CloudFormation names it (e.g. <c>AWS::Neptune::DBCluster</c>).</summary>
    public string Type => Kind.Type;
}

/// <summary>How reports, notes and the dashboard name an account: <c>111122223333 (prod)</c>, or the ID alone when no name is known.</summary>
public static class AccountLabel
{
    public static string Of(string account, string? name) => name is null ? account : $"{account} ({name})";

    /// <summary>The resource's account with its name; null for a resource of no account (a Terraform one).</summary>
    public static string? Of(CloudResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Account is { } account ? Of(account, resource.AccountName) : null;
    }
}

/// <summary>
/// A resource as its infrastructure-as-code source names it, with <see cref="CloudResource.Location"/> for its file and line:
/// the source (<see cref="ResourceSources"/>), the source's own type name (<c>aws_neptune_cluster</c> in Terraform,
/// where <see cref="CloudResource.Type"/> is the source-neutral <c>AWS::Neptune::DBCluster</c>) and the name there (<c>this</c>).
/// </summary>
public sealed record SourceAddress(string Source, string SourceType, string Name)
{
    /// <summary>The file's syntax where a source has more than one: <c>yaml</c> or <c>json</c> for a CloudFormation template; null otherwise.</summary>
    public string? Syntax { get; init; }
}

/// <summary>A rule muted for one resource, with the reason given.</summary>
public sealed record Suppression(string RuleId, string? Reason, SourceLocation? Location);
