using Kagi.Core.Model;

namespace Kagi.Aws;

/// <summary>
/// How one resource kind is read from a live account: listed, paged and described in one region. Collectors are found by
/// <see cref="LiveCollectors"/>, never listed by hand, so the scan loop and the ERROR scope of a region or account that
/// could not be read both cover every kind there is.
/// </summary>
/// <remarks>A collector has a public parameterless constructor and holds no state: what a region shares comes with each call.</remarks>
public interface ILiveCollector
{
    /// <summary>The kind it produces, as CloudFormation names it (the record's <c>Descriptor.Type</c>).</summary>
    string ResourceType { get; }

    /// <summary>The API it calls; calls to one service in one region share one in-flight limit.</summary>
    AwsService Service { get; }

    /// <summary>The operations it calls on <see cref="Service"/>; each must be granted by <c>docs/iam-policy.json</c>.</summary>
    IReadOnlyList<string> Calls { get; }

    /// <summary>The ARN that covers everything of its kind in one region of one account, e.g. <c>arn:aws:rds:eu-west-1:111122223333:cluster:*</c>.</summary>
    /// <param name="region">A region, or <c>*</c> when the regions could not be listed.</param>
    /// <param name="account">An account, or <c>*</c> when it could not be named.</param>
    string WildcardArn(string partition, string region, string account);

    /// <summary>Its resources in one region, and what of them could not be read.</summary>
    Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services);
}

/// <summary>
/// What every collector in one region shares: the clients, the resolver that asks KMS once per key, and the region's
/// tags for kinds whose listing leaves them out (<see cref="LiveListing"/> attaches them to every resource collected
/// without its tags).
/// </summary>
public sealed record RegionServices(AwsClientFactory Clients, KmsKeyResolver Keys, ResourceTagIndex Tags);

/// <summary>What one region gave: its resources, and what could not be read there.</summary>
public sealed record RegionInventory(IReadOnlyList<CloudResource> Resources, IReadOnlyList<UnscannedScope> Unscanned)
{
    /// <summary>Kinds not scanned because their service is not offered in the region: warnings, not ERRORs.</summary>
    public IReadOnlyList<ScanDiagnostic> NotOffered { get; init; } = [];
}
