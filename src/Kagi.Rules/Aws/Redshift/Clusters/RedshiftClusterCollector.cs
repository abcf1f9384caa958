using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Redshift.Clusters;

/// <summary>
/// Redshift clusters: listed with <c>DescribeClusters</c>, which names each encrypted cluster's key and carries its tags.
/// The answer gives no cluster ARN (only the namespace's), so the ARN the tagging API knows the cluster by is built.
/// </summary>
public sealed class RedshiftClusterCollector : ListedStoreCollector<RedshiftCluster>
{
    protected override AwsOperation Listing => AwsOperations.RedshiftDescribeClusters;

    protected override string ListMember => "Clusters";

    protected override KeyValuePair<string, object> PageSize => new("MaxRecords", 100);

    public override string WildcardArn(string partition, string region, string account) => Arn(partition, region, account, "*");

    protected override RedshiftCluster Read(AwsAnswer item, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(region);
        var identifier = item.Text("ClusterIdentifier") ?? string.Empty;
        var arn = Arn(region.Partition, region.Region, region.Account, identifier);
        return new RedshiftCluster
        {
            Id = arn,
            Name = Fact.Known(identifier),
            Region = region.Region,
            Account = region.Account,
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(item.Items("Tags").ToDictionary(tag => tag.Text("Key") ?? string.Empty, tag => tag.Text("Value") ?? string.Empty, StringComparer.Ordinal)),
            StorageEncrypted = item.Bool("Encrypted", arn),
            KmsKeyId = Fact.Known(item.Text("KmsKeyId")),
            Key = NotResolved,
        };
    }

    protected override RedshiftCluster WithKey(RedshiftCluster store, KeyReference key) => store with { Key = key };

    // Encrypted without a key named is the account's AWS-managed aws/redshift.
    protected override KeyReference UnnamedKey => new KeyReference.ServiceDefault();

    private static string Arn(string partition, string region, string account, string identifier) => $"arn:{partition}:redshift:{region}:{account}:cluster:{identifier}";
}
