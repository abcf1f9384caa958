using System.Xml.Linq;
using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.ClusterSnapshots;

/// <summary>A cluster snapshot as <c>DescribeDBClusterSnapshots</c> returns it, before its key and its sharing are known.</summary>
public sealed record ListedNeptuneSnapshot(NeptuneClusterSnapshot Snapshot, string Identifier, string? KmsKeyId);

/// <summary>Lists a region's Neptune cluster snapshots and asks, for each manual one, who may restore it.</summary>
/// <remarks>
/// Only the account's own snapshots are listed. One that another account shares with it, or makes public, belongs to
/// that account: only its owner can re-encrypt it, read or change who may restore it (the attributes are served to the
/// owner alone), and its key lives there, so it is judged in a scan of that account, not reported here as if it were
/// this account's. <c>IncludePublic</c> would add every public Neptune snapshot of every AWS account in the region.
/// A cluster restored from a shared snapshot is this account's, and is judged as one.
/// </remarks>
public sealed class NeptuneSnapshotReader
{
    public const string Call = "DescribeDBClusterSnapshots";
    public const string AttributesCall = "DescribeDBClusterSnapshotAttributes";

    /// <summary>Neptune's own snapshots of the account, said explicitly rather than left to the API's defaults.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> OwnNeptuneSnapshots { get; } =
        [.. RdsEngines.Neptune.Filter, new("IncludeShared", "false"), new("IncludePublic", "false")];

    private readonly RdsQueryClient _rds;
    private readonly RegionContext _region;

    public NeptuneSnapshotReader(RdsQueryClient rds, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(rds);
        ArgumentNullException.ThrowIfNull(region);
        _rds = rds;
        _region = region;
    }

    /// <summary>Each page's Neptune snapshots, as soon as the page arrives.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ListedNeptuneSnapshot>> PagesAsync()
    {
        await foreach (var page in _rds.PagesAsync(_region, Call, OwnNeptuneSnapshots).ConfigureAwait(false))
        {
            var snapshots = page.Child("DBClusterSnapshots")?.Elements().Where(RdsEngines.Neptune.Owns).Select(Read).ToList() ?? [];
            _region.ResourcesFound(snapshots.Count);
            yield return snapshots;
        }
    }

    /// <summary>
    /// Whether any AWS account may restore the snapshot: its <c>restore</c> attribute holds <c>all</c>.
    /// Only manual snapshots can be shared, so an automated one needs no call.
    /// </summary>
    /// <exception cref="AwsCallException">The attributes could not be read.</exception>
    public async Task<Fact<bool>> SharedWithAllAsync(ListedNeptuneSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Snapshot.IsManual is { IsKnown: true, Value: false })
        {
            return Fact.Known(false);
        }

        var result = await _region.Call(AwsService.Rds, AttributesCall, token =>
            _rds.CallAsync(AttributesCall, [new("DBClusterSnapshotIdentifier", snapshot.Identifier)], token)).ConfigureAwait(false);
        var restore = result.Child("DBClusterSnapshotAttributesResult")?.Child("DBClusterSnapshotAttributes")?.Elements()
            .FirstOrDefault(attribute => attribute.Text("AttributeName") == "restore");
        var values = restore?.Child("AttributeValues")?.Elements().Select(value => value.Value) ?? [];
        return Fact.Known(values.Contains("all", StringComparer.Ordinal));
    }

    private ListedNeptuneSnapshot Read(XElement snapshot)
    {
        var identifier = snapshot.Text("DBClusterSnapshotIdentifier") ?? string.Empty;
        var arn = snapshot.Text("DBClusterSnapshotArn") ?? $"arn:{_region.Partition}:rds:{_region.Region}:{_region.Account}:cluster-snapshot:{identifier}";
        var answer = new QueryAnswer(snapshot, Call, arn);
        var type = snapshot.Text("SnapshotType");
        var mapped = new NeptuneClusterSnapshot
        {
            Id = arn,
            Name = Fact.Known(identifier),
            Region = _region.Region,
            Account = _region.Account,
            StorageEncrypted = answer.Bool("StorageEncrypted"),
            IsManual = type is null ? Fact.Unknown<bool>(Texts.Canonical("reasons.member-missing", ("call", Call), ("member", "SnapshotType"), ("subject", arn))) : Fact.Known(type == "manual"),
        };
        return new ListedNeptuneSnapshot(mapped, identifier, snapshot.Text("KmsKeyId"));
    }
}
