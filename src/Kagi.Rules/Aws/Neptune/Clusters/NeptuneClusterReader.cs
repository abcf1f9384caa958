using System.Xml.Linq;
using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Neptune.Clusters;

/// <summary>Lists a region's Neptune clusters with <c>DescribeDBClusters</c>, page by page.</summary>
public sealed class NeptuneClusterReader
{
    public const string Call = "DescribeDBClusters";

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
        await foreach (var page in _rds.PagesAsync(_region, Call, RdsEngines.Neptune.Filter).ConfigureAwait(false))
        {
            var clusters = page.Child("DBClusters")?.Elements().Where(RdsEngines.Neptune.Owns).Select(Read).ToList() ?? [];
            _region.ResourcesFound(clusters.Count);
            yield return clusters;
        }
    }

    private NeptuneCluster Read(XElement cluster)
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
        };
    }
}
