using System.Xml.Linq;
using Kagi.Aws;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws;

/// <summary>
/// The engines one kind listed through the RDS Query API holds. That API serves Neptune, DocumentDB and every RDS engine
/// alike, so each kind asks for its own engines and checks each answer again: an emulator may ignore the filter.
/// </summary>
public sealed class RdsEngines
{
    private readonly HashSet<string> _engines;

    private RdsEngines(params string[] engines)
    {
        _engines = new HashSet<string>(engines, StringComparer.OrdinalIgnoreCase);
        Filter =
        [
            new("Filters.Filter.1.Name", "engine"),
            .. engines.Select((engine, index) => new KeyValuePair<string, string>($"Filters.Filter.1.Values.Value.{index + 1}", engine)),
            new("MaxRecords", RdsListing.MaxRecords),
        ];
    }

    public static RdsEngines Neptune { get; } = new("neptune");

    public static RdsEngines DocumentDb { get; } = new("docdb");

    /// <summary>Aurora clusters and Multi-AZ DB clusters: every cluster engine that is neither Neptune nor DocumentDB.</summary>
    public static RdsEngines RdsClusters { get; } = new("aurora-mysql", "aurora-postgresql", "mysql", "postgres");

    /// <summary>Asks the listing for these engines only, 100 a page (the API's most).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Filter { get; }

    /// <summary>Whether a listed cluster, instance or snapshot runs one of these engines.</summary>
    public bool Owns(XElement listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return listed.Text("Engine") is { } engine && _engines.Contains(engine);
    }

    /// <summary>Whether a listed resource belongs to another service that shares the RDS API (Neptune, DocumentDB).</summary>
    public static bool OfAnotherService(XElement listed) => Neptune.Owns(listed) || DocumentDb.Owns(listed);
}

/// <summary>How one kind is listed through the RDS Query API: the call, its answer's members, and which answers are the kind's.</summary>
/// <param name="List">The answer's list element, e.g. <c>DBClusters</c>.</param>
/// <param name="ArnType">The resource type in the ARN: <c>db</c> for instances, <c>cluster</c> for clusters.</param>
public sealed record RdsListing(
    string Call,
    string List,
    string IdentifierMember,
    string ArnMember,
    string ArnType,
    IReadOnlyList<KeyValuePair<string, string>> Parameters,
    Func<XElement, bool> IsOwn)
{
    public const string MaxRecords = "100";

    /// <summary>
    /// Standalone DB instances: not filtered by engine, since their engines are many and grow (Oracle, SQL Server, Db2,
    /// RDS Custom); a cluster's member (Aurora, Multi-AZ DB cluster, Neptune, DocumentDB) is judged through its cluster.
    /// </summary>
    public static RdsListing Instances { get; } = new(
        "DescribeDBInstances",
        "DBInstances",
        "DBInstanceIdentifier",
        "DBInstanceArn",
        "db",
        [new("MaxRecords", MaxRecords)],
        instance => instance.Child("DBClusterIdentifier") is null && !RdsEngines.OfAnotherService(instance));

    /// <summary>The clusters of some engines.</summary>
    public static RdsListing Clusters(RdsEngines engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        return new("DescribeDBClusters", "DBClusters", "DBClusterIdentifier", "DBClusterArn", "cluster", engines.Filter, engines.Owns);
    }
}

/// <summary>A data store as the RDS Query API lists it, before its key is looked up; <paramref name="Listed"/> is all the listing said of it.</summary>
public sealed record RdsListedStore(string Arn, string Identifier, string Region, string Account, Fact<bool> StorageEncrypted, Fact<string?> KmsKeyId, XElement Listed);

/// <summary>
/// A kind listed through the RDS Query API and judged by its key (RDS instances and clusters, DocumentDB clusters):
/// listed page by page, each key looked up as soon as its page names it.
/// </summary>
public abstract class RdsStoreCollector<TRecord> : ILiveCollector
    where TRecord : CloudResource, IEncryptedAtRest
{
    public abstract string ResourceType { get; }

    public AwsService Service => AwsService.Rds;

    public IReadOnlyList<string> Calls => [Listing.Call];

    /// <summary>How the kind is listed.</summary>
    protected abstract RdsListing Listing { get; }

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:rds:{region}:{account}:{Listing.ArnType}:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        return this.CollectPagesAsync(
            region,
            services,
            PagesAsync(services.Clients.Rds(region.Region), region),
            async listed => Create(listed, await services.Keys.ResolveStorageKeyAsync(listed.StorageEncrypted, listed.KmsKeyId.Value).ConfigureAwait(false)),
            listed => (listed.Arn, listed.KmsKeyId.Value));
    }

    /// <summary>The record of a listed store whose key is resolved.</summary>
    protected abstract TRecord Create(RdsListedStore listed, KeyReference key);

    private async IAsyncEnumerable<IReadOnlyList<RdsListedStore>> PagesAsync(RdsQueryClient rds, RegionContext region)
    {
        await foreach (var page in rds.PagesAsync(region, Listing.Call, Listing.Parameters).ConfigureAwait(false))
        {
            var stores = page.Child(Listing.List)?.Elements().Where(Listing.IsOwn).Select(store => Read(store, region)).ToList() ?? [];
            region.ResourcesFound(stores.Count);
            yield return stores;
        }
    }

    private RdsListedStore Read(XElement store, RegionContext region)
    {
        var identifier = store.Text(Listing.IdentifierMember) ?? string.Empty;
        var arn = store.Text(Listing.ArnMember) ?? $"arn:{region.Partition}:rds:{region.Region}:{region.Account}:{Listing.ArnType}:{identifier}";
        return new RdsListedStore(arn, identifier, region.Region, region.Account, new QueryAnswer(store, Listing.Call, arn).Bool("StorageEncrypted"), Fact.Known(store.Text("KmsKeyId")), store);
    }
}
