using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.ElastiCache.ReplicationGroups;

/// <summary>
/// Replication groups: listed with <c>DescribeReplicationGroups</c>, which names a customer-managed at-rest key; an
/// encrypted group without one is on ElastiCache's own (AWS-owned) key. The answer carries no tags.
/// </summary>
public sealed class ElastiCacheReplicationGroupCollector : ListedStoreCollector<ElastiCacheReplicationGroup>
{
    protected override AwsOperation Listing => AwsOperations.ElastiCacheDescribeReplicationGroups;

    protected override string ListMember => "ReplicationGroups";

    protected override KeyValuePair<string, object> PageSize => new("MaxRecords", 100);

    public override string WildcardArn(string partition, string region, string account) => Arn(partition, region, account, "*");

    protected override ElastiCacheReplicationGroup Read(AwsAnswer item, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(region);
        var identifier = item.Text("ReplicationGroupId") ?? string.Empty;
        var arn = item.Text("ARN") ?? Arn(region.Partition, region.Region, region.Account, identifier);
        return new ElastiCacheReplicationGroup
        {
            Id = arn,
            Name = Fact.Known(identifier),
            Region = region.Region,
            Account = region.Account,
            StorageEncrypted = item.Bool("AtRestEncryptionEnabled", arn),
            KmsKeyId = Fact.Known(item.Text("KmsKeyId")),
            Key = NotResolved,
        };
    }

    protected override ElastiCacheReplicationGroup WithKey(ElastiCacheReplicationGroup store, KeyReference key) => store with { Key = key };

    private static string Arn(string partition, string region, string account, string identifier) => $"arn:{partition}:elasticache:{region}:{account}:replicationgroup:{identifier}";
}
