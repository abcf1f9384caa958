using System.Globalization;
using System.Xml.Linq;
using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>
/// Lists a region's Neptune clusters with <c>DescribeDBClusters</c>, page by page, each with its instances as
/// <c>DescribeDBInstances</c> lists them (asked once, before the clusters): a rebuild recreates each instance.
/// </summary>
public sealed class NeptuneClusterReader
{
    public const string Call = "DescribeDBClusters";
    /// <summary>Read for the rebuild a fix prints, not to list the kind: it is the RDS instances' listing call (and in the IAM policy for them).</summary>
    public const string InstancesCall = "DescribeDBInstances";

    private readonly RdsQueryClient _rds;
    private readonly RegionContext _region;

    public NeptuneClusterReader(RdsQueryClient rds, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(rds);
        ArgumentNullException.ThrowIfNull(region);
        _rds = rds;
        _region = region;
    }

    /// <summary>Each page's Neptune clusters, as soon as the page arrives, mapped but for their key, which is resolved later.</summary>
    /// <remarks>The engine filter spares pages of Aurora and DocumentDB clusters.</remarks>
    public async IAsyncEnumerable<IReadOnlyList<NeptuneCluster>> PagesAsync()
    {
        var instances = await InstancesAsync().ConfigureAwait(false);
        await foreach (var page in _rds.PagesAsync(_region, Call, RdsEngines.Neptune.Filter).ConfigureAwait(false))
        {
            var clusters = page.Child("DBClusters")?.Elements().Where(RdsEngines.Neptune.Owns).Select(cluster => Read(cluster, instances)).ToList() ?? [];
            _region.ResourcesFound(clusters.Count);
            yield return clusters;
        }
    }

    // The region's Neptune instances by cluster identifier, or why they could not be read. They serve only the rebuild a
    // fix prints, so a failure leaves the clusters' instances unknown rather than making every cluster rule an ERROR.
    private async Task<Fact<ILookup<string, XElement>>> InstancesAsync()
    {
        var instances = new List<XElement>();
        try
        {
            await foreach (var page in _rds.PagesAsync(_region, InstancesCall, RdsEngines.Neptune.Filter).ConfigureAwait(false))
            {
                instances.AddRange(page.Child("DBInstances")?.Elements().Where(RdsEngines.Neptune.Owns) ?? []);
            }
        }
        catch (AwsCallException exception)
        {
            return Fact.Unknown<ILookup<string, XElement>>(UnscannedScope.CallFailed(exception.Service.SigningName, exception.Call, _region.Account, _region.Region, exception.Summary));
        }

        return Fact.Known(instances.Where(instance => instance.Text("DBClusterIdentifier") is not null).ToLookup(instance => instance.Text("DBClusterIdentifier")!, StringComparer.Ordinal));
    }

    private NeptuneCluster Read(XElement cluster, Fact<ILookup<string, XElement>> instances)
    {
        var identifier = cluster.Text("DBClusterIdentifier") ?? string.Empty;
        var arn = cluster.Text("DBClusterArn") ?? $"arn:{_region.Partition}:rds:{_region.Region}:{_region.Account}:cluster:{identifier}";
        var answer = new QueryAnswer(cluster, Call, arn);
        return new NeptuneCluster
        {
            Id = arn,
            Name = Fact.Known(identifier),
            Region = _region.Region,
            Account = _region.Account,
            StorageEncrypted = answer.Bool("StorageEncrypted"),
            KmsKeyId = Fact.Known(cluster.Text("KmsKeyId")),
            Key = new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved")),
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
                ? Fact.Known<IReadOnlyList<NeptuneClusterMember>>(InstancesOf(cluster, identifier, instances.Value))
                : Fact.Unknown<IReadOnlyList<NeptuneClusterMember>>(instances.Reason!),
        };
    }

    // One field of each item of a list member; the Query API leaves an empty list out.
    private static Fact<IReadOnlyList<string>> Members(XElement cluster, string list, string field) =>
        Fact.Known<IReadOnlyList<string>>([.. cluster.Child(list)?.Elements().Select(item => item.Text(field)).OfType<string>() ?? []]);

    private static NeptuneServerlessScaling? Scaling(XElement? scaling) =>
        scaling is not null && Capacity(scaling.Text("MinCapacity")) is { } min && Capacity(scaling.Text("MaxCapacity")) is { } max
            ? new NeptuneServerlessScaling(min, max)
            : null;

    private static decimal? Capacity(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var capacity) ? capacity : null;

    // The writer first (DBClusterMembers says which it is), then the readers by name.
    private static List<NeptuneClusterMember> InstancesOf(XElement cluster, string identifier, ILookup<string, XElement> instances)
    {
        var writers = cluster.Child("DBClusterMembers")?.Elements().Where(member => member.Text("IsClusterWriter") == "true")
            .Select(member => member.Text("DBInstanceIdentifier")).OfType<string>().ToHashSet(StringComparer.Ordinal) ?? [];
        return [.. instances[identifier]
            .Select(instance => (Writer: writers.Contains(instance.Text("DBInstanceIdentifier") ?? string.Empty), Member: Member(instance)))
            .OrderByDescending(pair => pair.Writer).ThenBy(pair => pair.Member.Name, StringComparer.Ordinal)
            .Select(pair => pair.Member)];
    }

    private static NeptuneClusterMember Member(XElement instance) => new(
        instance.Text("DBInstanceIdentifier") ?? string.Empty,
        instance.Text("DBInstanceClass"),
        instance.Text("AvailabilityZone"),
        int.TryParse(instance.Text("PromotionTier"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var tier) ? tier : null,
        instance.Child("DBParameterGroups")?.Elements().Select(group => group.Text("DBParameterGroupName")).OfType<string>().FirstOrDefault());
}
