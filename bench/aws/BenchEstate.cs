using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Rules.Aws.Backup.Vaults;
using Kagi.Rules.Aws.DocDb.Clusters;
using Kagi.Rules.Aws.DynamoDb.Tables;
using Kagi.Rules.Aws.Ebs.Volumes;
using Kagi.Rules.Aws.Ecr.Repositories;
using Kagi.Rules.Aws.Efs.FileSystems;
using Kagi.Rules.Aws.ElastiCache.ReplicationGroups;
using Kagi.Rules.Aws.Kinesis.Streams;
using Kagi.Rules.Aws.Logs.LogGroups;
using Kagi.Rules.Aws.Neptune.Clusters;
using Kagi.Rules.Aws.OpenSearch.Domains;
using Kagi.Rules.Aws.Rds.Clusters;
using Kagi.Rules.Aws.Rds.Instances;
using Kagi.Rules.Aws.Redshift.Clusters;
using Kagi.Rules.Aws.S3.Buckets;
using Kagi.Rules.Aws.SecretsManager.Secrets;
using Kagi.Rules.Aws.Sns.Topics;
using Kagi.Rules.Aws.Sqs.Queues;

/// <summary>
/// The bench's account: in every region, the same number of resources of every data-store kind, each on one of the
/// region's customer keys in turn, so that every key is shared by many resources of many kinds.
/// </summary>
internal sealed class BenchEstate(int regions, int perKind, int keysPerRegion)
{
    /// <summary>Each kind the bench fills, with how one resource of it is added to a region of the fake.</summary>
    public static IReadOnlyList<(string Type, Action<FakeRegion, string, string> Add)> Kinds { get; } =
    [
        (NeptuneCluster.Descriptor.Type, (region, name, key) => region.Clusters.Add(new FakeCluster(name, "neptune", true, key))),
        (RdsCluster.Descriptor.Type, (region, name, key) => region.Clusters.Add(new FakeCluster(name, "aurora-mysql", true, key))),
        (DocDbCluster.Descriptor.Type, (region, name, key) => region.Clusters.Add(new FakeCluster(name, "docdb", true, key))),
        (RdsInstance.Descriptor.Type, (region, name, key) => region.Stores.Add(Scenarios.Instance(name, "mysql", true, key))),
        Store(DynamoDbTable.Descriptor.Type),
        Store(SqsQueue.Descriptor.Type),
        Store(S3Bucket.Descriptor.Type),
        Store(SecretsManagerSecret.Descriptor.Type),
        Store(LogsLogGroup.Descriptor.Type),
        Store(KinesisStream.Descriptor.Type),
        Store(EcrRepository.Descriptor.Type),
        Store(BackupVault.Descriptor.Type),
        Store(SnsTopic.Descriptor.Type),
        Store(OpenSearchDomain.Descriptor.Type),
        Store(RedshiftCluster.Descriptor.Type),
        Store(ElastiCacheReplicationGroup.Descriptor.Type),
        Store(EbsVolume.Descriptor.Type),
        Store(EfsFileSystem.Descriptor.Type),
    ];

    public int Resources => regions * perKind * Kinds.Count;

    /// <summary>The estate as one account of the fake: its keys are its own, in <paramref name="account"/>.</summary>
    public FakeScenario Scenario(TimeSpan latency, string account = Scenarios.Account)
    {
        var scenario = new FakeScenario { Latency = latency, Account = account };
        foreach (var region in RegionNames.Take(regions))
        {
            var keys = Enumerable.Range(1, keysPerRegion).Select(number => new FakeKey(Scenarios.KeyArn(region, number, account))).ToList();
            var fake = new FakeRegion { Keys = keys };
            foreach (var (type, add) in Kinds)
            {
                var noun = type.Split("::")[^1].ToLowerInvariant();
                for (var i = 0; i < perKind; i++)
                {
                    // Bucket names are global: the region is part of every name.
                    add(fake, $"{region}-{noun}-{i:D4}", keys[i % keysPerRegion].Arn);
                }
            }

            scenario.Regions[region] = fake;
        }

        return scenario;
    }

    /// <summary>Fails the bench when the scan of <paramref name="accounts"/> such accounts missed anything: a figure for a scan that saw less would mean nothing.</summary>
    public void Check(Inventory inventory, int accounts = 1)
    {
        var seen = inventory.Resources.GroupBy(resource => resource.Kind.Type).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var missed = Kinds.Where(kind => seen.GetValueOrDefault(kind.Type) != accounts * regions * perKind).Select(kind => $"{kind.Type}: {seen.GetValueOrDefault(kind.Type)}").ToList();
        if (missed.Count > 0 || inventory.Unscanned.Count > 0 || inventory.Diagnostics.Count > 0)
        {
            throw new InvalidOperationException(
                $"the scan saw too few resources ({string.Join(", ", missed)}), {inventory.Unscanned.Count} unread scopes and {inventory.Diagnostics.Count} notes");
        }
    }

    private static (string Type, Action<FakeRegion, string, string> Add) Store(string type) =>
        (type, (region, name, key) => region.Stores.Add(new FakeStore(type, name, KmsKeyId: key)));

    /// <summary>The regions the estate fills, in this order.</summary>
    public static readonly string[] RegionNames =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3",
        "eu-central-1", "eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-south-1",
        "af-south-1", "me-south-1", "eu-south-1",
    ];
}
