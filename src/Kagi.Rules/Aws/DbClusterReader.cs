using System.Globalization;
using System.Xml.Linq;
using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws;

/// <summary>
/// Lists a region's DB clusters of one kind of the family with <c>DescribeDBClusters</c>, page by page, each with its
/// settings and its instances as <c>DescribeDBInstances</c> lists them (asked once, before the clusters, for the kind's
/// engines): a rebuild recreates each instance.
/// </summary>
public sealed class DbClusterReader
{
    public const string Call = "DescribeDBClusters";

    /// <summary>Read for the rebuild a fix prints, not to list the kind: it is the RDS instances' listing call (and in the IAM policy for them).</summary>
    public const string InstancesCall = "DescribeDBInstances";

    private readonly RdsQueryClient _rds;
    private readonly RegionContext _region;
    private readonly RdsEngines _engines;

    public DbClusterReader(RdsQueryClient rds, RegionContext region, RdsEngines engines)
    {
        ArgumentNullException.ThrowIfNull(rds);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(engines);
        _rds = rds;
        _region = region;
        _engines = engines;
    }

    /// <summary>Each page's clusters, as soon as the page arrives, with their settings but not yet their key.</summary>
    /// <remarks>The engine filter spares pages of the other kinds' clusters.</remarks>
    public async IAsyncEnumerable<IReadOnlyList<(RdsListedStore Cluster, DbClusterSettings Settings)>> PagesAsync()
    {
        var instances = await InstancesAsync().ConfigureAwait(false);
        await foreach (var page in _rds.PagesAsync(_region, Call, _engines.Filter).ConfigureAwait(false))
        {
            var clusters = page.Child("DBClusters")?.Elements().Where(_engines.Owns).Select(cluster => Read(cluster, instances)).ToList() ?? [];
            _region.ResourcesFound(clusters.Count);
            yield return clusters;
        }
    }

    // The region's instances of the kind's engines by cluster identifier, or why they could not be read. They serve only the
    // rebuild a fix prints, so a failure leaves the clusters' instances unknown rather than making every cluster rule an ERROR.
    private async Task<Fact<ILookup<string, XElement>>> InstancesAsync()
    {
        var instances = new List<XElement>();
        try
        {
            await foreach (var page in _rds.PagesAsync(_region, InstancesCall, _engines.Filter).ConfigureAwait(false))
            {
                instances.AddRange(page.Child("DBInstances")?.Elements().Where(_engines.Owns) ?? []);
            }
        }
        catch (AwsCallException exception)
        {
            return Fact.Unknown<ILookup<string, XElement>>(UnscannedScope.CallFailed(exception.Service.SigningName, exception.Call, _region.Account, _region.Region, exception.Summary));
        }

        return Fact.Known(instances.Where(instance => instance.Text("DBClusterIdentifier") is not null).ToLookup(instance => instance.Text("DBClusterIdentifier")!, StringComparer.Ordinal));
    }

    private (RdsListedStore, DbClusterSettings) Read(XElement cluster, Fact<ILookup<string, XElement>> instances)
    {
        var identifier = cluster.Text("DBClusterIdentifier") ?? string.Empty;
        var arn = cluster.Text("DBClusterArn") ?? $"arn:{_region.Partition}:rds:{_region.Region}:{_region.Account}:cluster:{identifier}";
        var answer = new QueryAnswer(cluster, Call, arn);
        var listed = new RdsListedStore(arn, identifier, _region.Region, _region.Account, answer.Bool("StorageEncrypted"), Fact.Known(cluster.Text("KmsKeyId")), cluster);
        return (listed, new DbClusterSettings
        {
            Engine = answer.String("Engine"),
            DeletionProtection = answer.Bool("DeletionProtection"),
            BackupRetentionPeriod = answer.Int("BackupRetentionPeriod"),
            IamDatabaseAuthentication = answer.Bool("IAMDatabaseAuthenticationEnabled"),
            EnabledCloudwatchLogsExports = answer.List("EnabledCloudwatchLogsExports"),
            CopyTagsToSnapshot = answer.Bool("CopyTagsToSnapshot"),
            MultiAz = answer.Bool("MultiAZ"),
            EngineVersion = answer.String("EngineVersion"),
            SubnetGroup = answer.String("DBSubnetGroup"),
            VpcSecurityGroupIds = Members(cluster, "VpcSecurityGroups", "VpcSecurityGroupId"),
            ClusterParameterGroup = answer.String("DBClusterParameterGroup"),
            IamRoles = Members(cluster, "AssociatedRoles", "RoleArn"),
            Port = answer.Int("Port"),
            PreferredBackupWindow = answer.String("PreferredBackupWindow"),
            PreferredMaintenanceWindow = answer.String("PreferredMaintenanceWindow"),
            ServerlessV2Scaling = Fact.Known(Scaling(cluster.Child("ServerlessV2ScalingConfiguration"))),
            Instances = instances.IsKnown
                ? Fact.Known<IReadOnlyList<DbClusterMember>>(InstancesOf(cluster, identifier, instances.Value))
                : Fact.Unknown<IReadOnlyList<DbClusterMember>>(instances.Reason!),
        });
    }

    /// <summary>One field of each item of a list member; the Query API leaves an empty list out.</summary>
    internal static Fact<IReadOnlyList<string>> Members(XElement cluster, string list, string field) =>
        Fact.Known<IReadOnlyList<string>>([.. cluster.Child(list)?.Elements().Select(item => item.Text(field)).OfType<string>() ?? []]);

    private static ServerlessV2Scaling? Scaling(XElement? scaling) =>
        scaling is not null && Capacity(scaling.Text("MinCapacity")) is { } min && Capacity(scaling.Text("MaxCapacity")) is { } max
            ? new ServerlessV2Scaling(min, max)
            : null;

    private static decimal? Capacity(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var capacity) ? capacity : null;

    // The writer first (DBClusterMembers says which it is), then the readers by name.
    private static List<DbClusterMember> InstancesOf(XElement cluster, string identifier, ILookup<string, XElement> instances)
    {
        var writers = cluster.Child("DBClusterMembers")?.Elements().Where(member => member.Text("IsClusterWriter") == "true")
            .Select(member => member.Text("DBInstanceIdentifier")).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. instances[identifier]
            .Select(instance => (Writer: writers.Contains(instance.Text("DBInstanceIdentifier") ?? string.Empty), Member: Member(instance)))
            .OrderByDescending(pair => pair.Writer).ThenBy(pair => pair.Member.Name, StringComparer.Ordinal)
            .Select(pair => pair.Member)];
    }

    private static DbClusterMember Member(XElement instance) => new(
        instance.Text("DBInstanceIdentifier") ?? string.Empty,
        instance.Text("DBInstanceClass"),
        instance.Text("AvailabilityZone"),
        int.TryParse(instance.Text("PromotionTier"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var tier) ? tier : null,
        instance.Child("DBParameterGroups")?.Elements().Select(group => group.Text("DBParameterGroupName")).OfType<string>().FirstOrDefault());
}

/// <summary>
/// A kind of the DB cluster family, listed live with its settings and instances (<see cref="DbClusterReader"/>), each key
/// looked up as soon as its page names it.
/// </summary>
public abstract class DbClusterCollector<TRecord> : ILiveCollector
    where TRecord : CloudResource, IDbCluster
{
    public abstract string ResourceType { get; }

    public AwsService Service => AwsService.Rds;

    public IReadOnlyList<string> Calls { get; } = [DbClusterReader.Call];

    /// <summary>The kind's engines, listed apart from the other kinds'.</summary>
    protected abstract DbClusterEngine Engine { get; }

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:rds:{region}:{account}:cluster:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var reader = new DbClusterReader(services.Clients.Rds(region.Region), region, Engine.Engines);
        return this.CollectPagesAsync(
            region,
            services,
            reader.PagesAsync(),
            async listed => Create(listed.Cluster, listed.Settings, await services.Keys.ResolveStorageKeyAsync(listed.Cluster.StorageEncrypted, listed.Cluster.KmsKeyId.Value).ConfigureAwait(false)),
            listed => (listed.Cluster.Arn, listed.Cluster.KmsKeyId.Value));
    }

    /// <summary>The record of a listed cluster whose key is resolved.</summary>
    protected abstract TRecord Create(RdsListedStore listed, DbClusterSettings settings, KeyReference key);
}
