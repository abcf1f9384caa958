using System.Globalization;
using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>
/// EFS file systems: listed with <c>DescribeFileSystems</c>, which names each one's key and carries its tags, its modes,
/// its zone and its protection. What a rebuild also carries is asked of each file system as its page arrives: lifecycle
/// policies, backup policy, file system policy, mount targets and their security groups, access points and replications.
/// Each serves only the printed fix, so a call that fails leaves its setting unknown (and says why) while the file
/// system is still judged; "no policy" and "no replication" answers (<c>PolicyNotFound</c>, <c>ReplicationNotFound</c>)
/// are read as none.
/// </summary>
public sealed class EfsFileSystemCollector : ListedStoreCollector<EfsFileSystem>
{
    private static readonly AwsOperation Lifecycle = AwsOperations.EfsDescribeLifecycleConfiguration;
    private static readonly AwsOperation Backup = AwsOperations.EfsDescribeBackupPolicy;
    private static readonly AwsOperation ResourcePolicy = AwsOperations.EfsDescribeFileSystemPolicy;
    private static readonly AwsOperation MountTargetListing = AwsOperations.EfsDescribeMountTargets;
    private static readonly AwsOperation MountTargetGroups = AwsOperations.EfsDescribeMountTargetSecurityGroups;
    private static readonly AwsOperation AccessPointListing = AwsOperations.EfsDescribeAccessPoints;
    private static readonly AwsOperation Replications = AwsOperations.EfsDescribeReplicationConfigurations;

    // What EFS answers for a file system without a backup policy or a resource policy: it has none.
    private const string PolicyNotFound = "PolicyNotFound";

    // A lifecycle policy's members: each names one transition.
    private static readonly string[] Transitions = ["TransitionToIA", "TransitionToPrimaryStorageClass", "TransitionToArchive"];

    public override IReadOnlyList<string> Calls =>
        [Listing.Name, Lifecycle.Name, Backup.Name, ResourcePolicy.Name, MountTargetListing.Name, MountTargetGroups.Name, AccessPointListing.Name, Replications.Name];

    protected override AwsOperation Listing => AwsOperations.EfsDescribeFileSystems;

    protected override string ListMember => "FileSystems";

    // The API's most.
    protected override KeyValuePair<string, object> PageSize => new("MaxItems", 100);

    public override string WildcardArn(string partition, string region, string account) => $"arn:{partition}:elasticfilesystem:{region}:{account}:file-system/*";

    protected override async IAsyncEnumerable<IReadOnlyList<EfsFileSystem>> PagesAsync(AwsApiClient client, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(region);
        await foreach (var page in base.PagesAsync(client, region).ConfigureAwait(false))
        {
            var described = new List<EfsFileSystem>(page.Count);
            foreach (var fileSystem in page)
            {
                described.Add(await WithRebuildSettingsAsync(client, region, fileSystem).ConfigureAwait(false));
            }

            yield return described;
        }
    }

    protected override EfsFileSystem Read(AwsAnswer item, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(region);
        var id = item.Text("FileSystemId") ?? string.Empty;
        return new EfsFileSystem
        {
            Id = item.Text("FileSystemArn") ?? $"arn:{region.Partition}:elasticfilesystem:{region.Region}:{region.Account}:file-system/{id}",
            Name = Fact.Known(id),
            Region = region.Region,
            Account = region.Account,
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(Tags(item)),
            StorageEncrypted = Fact.Known(item.Text("Encrypted") == "true"),
            KmsKeyId = Fact.Known(item.Text("KmsKeyId")),
            Key = NotResolved,
            PerformanceMode = Fact.Known(item.Text("PerformanceMode")),
            ThroughputMode = Fact.Known(item.Text("ThroughputMode")),
            ProvisionedThroughput = Fact.Known(item.Text("ThroughputMode") == "provisioned" ? Mibps(item.Text("ProvisionedThroughputInMibps")) : 0),
            AvailabilityZoneName = Fact.Known(item.Text("AvailabilityZoneName")),
            ReplicationOverwriteProtection = Fact.Known(item.Member("FileSystemProtection")?.Text("ReplicationOverwriteProtection")),
        };
    }

    protected override EfsFileSystem WithKey(EfsFileSystem store, KeyReference key) => store with { Key = key };

    // AWS names aws/elasticfilesystem's ARN for a file system encrypted without a key of its own; an emulator may not.
    protected override KeyReference UnnamedKey => new KeyReference.ServiceDefault();

    private static async Task<EfsFileSystem> WithRebuildSettingsAsync(AwsApiClient client, RegionContext region, EfsFileSystem fileSystem)
    {
        KeyValuePair<string, object>[] ofIt = [new("FileSystemId", fileSystem.Name.Value)];
        return fileSystem with
        {
            LifecyclePolicies = await LiveSetting.ReadAsync(region, async () =>
            {
                var answer = await client.CallAsync(region, Lifecycle, ofIt).ConfigureAwait(false);
                return (IReadOnlyList<string>)[.. answer.Items("LifecyclePolicies").SelectMany(LifecyclePolicy)];
            }).ConfigureAwait(false),
            AutomaticBackups = await LiveSetting.ReadAsync(region, () => client.CallAsync(region, Backup, ofIt), answer => answer.Member("BackupPolicy")?.Text("Status") is "ENABLED" or "ENABLING", PolicyNotFound).ConfigureAwait(false),
            Policy = await LiveSetting.ReadAsync(region, () => client.CallAsync(region, ResourcePolicy, ofIt), answer => answer.Text("Policy"), PolicyNotFound).ConfigureAwait(false),
            MountTargets = await LiveSetting.ReadAsync(region, () => MountTargetsAsync(client, region, ofIt)).ConfigureAwait(false),
            AccessPoints = await LiveSetting.ReadAsync(region, () => AccessPointsAsync(client, region, ofIt)).ConfigureAwait(false),
            ReplicationDestinations = await LiveSetting.ReadAsync(region, () => DestinationsAsync(client, region, ofIt, fileSystem.Name.Value), "ReplicationNotFound", Array.Empty<EfsReplicationDestination>()).ConfigureAwait(false),
        };
    }

    private static async Task<IReadOnlyList<EfsMountTarget>> MountTargetsAsync(AwsApiClient client, RegionContext region, KeyValuePair<string, object>[] ofIt)
    {
        var mountTargets = new List<EfsMountTarget>();
        await foreach (var page in client.PagesAsync(region, MountTargetListing, ofIt).ConfigureAwait(false))
        {
            foreach (var mountTarget in page.Items("MountTargets"))
            {
                var groups = await client.CallAsync(region, MountTargetGroups, [new("MountTargetId", mountTarget.Text("MountTargetId") ?? string.Empty)]).ConfigureAwait(false);
                mountTargets.Add(new(mountTarget.Text("SubnetId") ?? string.Empty, mountTarget.Text("IpAddress"), groups.Texts("SecurityGroups")));
            }
        }

        return mountTargets;
    }

    private static async Task<IReadOnlyList<EfsAccessPoint>> AccessPointsAsync(AwsApiClient client, RegionContext region, KeyValuePair<string, object>[] ofIt)
    {
        var accessPoints = new List<EfsAccessPoint>();
        await foreach (var page in client.PagesAsync(region, AccessPointListing, ofIt).ConfigureAwait(false))
        {
            accessPoints.AddRange(page.Items("AccessPoints").Select(AccessPoint));
        }

        return accessPoints;
    }

    // The replications the file system is the source of; one it is the destination of is its source's to carry.
    private static async Task<IReadOnlyList<EfsReplicationDestination>> DestinationsAsync(AwsApiClient client, RegionContext region, KeyValuePair<string, object>[] ofIt, string id)
    {
        var destinations = new List<EfsReplicationDestination>();
        await foreach (var page in client.PagesAsync(region, Replications, ofIt).ConfigureAwait(false))
        {
            destinations.AddRange(page.Items("Replications").Where(replication => replication.Text("SourceFileSystemId") == id)
                .SelectMany(replication => replication.Items("Destinations"))
                .Select(destination => new EfsReplicationDestination(destination.Text("Region") ?? region.Region, destination.Text("FileSystemId") ?? string.Empty)));
        }

        return destinations;
    }

    private static EfsAccessPoint AccessPoint(AwsAnswer item)
    {
        var user = item.Member("PosixUser");
        var root = item.Member("RootDirectory");
        var creation = root?.Member("CreationInfo");
        return new(
            user is null ? null : new EfsPosixUser(Long(user.Text("Uid")), Long(user.Text("Gid")), [.. user.Texts("SecondaryGids").Select(Long)]),
            root?.Text("Path"),
            creation is null ? null : new EfsCreationInfo(Long(creation.Text("OwnerUid")), Long(creation.Text("OwnerGid")), creation.Text("Permissions") ?? string.Empty),
            Tags(item));
    }

    private static IEnumerable<string> LifecyclePolicy(AwsAnswer policy) =>
        Transitions.Where(name => policy.Text(name) is not null).Select(name => $"{name}={policy.Text(name)}");

    private static Dictionary<string, string> Tags(AwsAnswer item) =>
        item.Items("Tags").ToDictionary(tag => tag.Text("Key") ?? string.Empty, tag => tag.Text("Value") ?? string.Empty, StringComparer.Ordinal);

    private static long Long(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    // Whole MiB/s: the API's double holds whole numbers for any throughput the console offers.
    private static int Mibps(string? text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (int)Math.Round(value) : 0;
}
