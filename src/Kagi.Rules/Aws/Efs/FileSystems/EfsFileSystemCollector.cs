using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Efs.FileSystems;

/// <summary>EFS file systems: listed with <c>DescribeFileSystems</c>, which names each one's key and carries its tags.</summary>
public sealed class EfsFileSystemCollector : ListedStoreCollector<EfsFileSystem>
{
    protected override AwsOperation Listing => AwsOperations.EfsDescribeFileSystems;

    protected override string ListMember => "FileSystems";

    // The API's most.
    protected override KeyValuePair<string, object> PageSize => new("MaxItems", 100);

    public override string WildcardArn(string partition, string region, string account) => $"arn:{partition}:elasticfilesystem:{region}:{account}:file-system/*";

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
            Tags = Fact.Known<IReadOnlyDictionary<string, string>>(item.Items("Tags").ToDictionary(tag => tag.Text("Key") ?? string.Empty, tag => tag.Text("Value") ?? string.Empty, StringComparer.Ordinal)),
            StorageEncrypted = Fact.Known(item.Text("Encrypted") == "true"),
            KmsKeyId = Fact.Known(item.Text("KmsKeyId")),
            Key = NotResolved,
        };
    }

    protected override EfsFileSystem WithKey(EfsFileSystem store, KeyReference key) => store with { Key = key };

    // AWS names aws/elasticfilesystem's ARN for a file system encrypted without a key of its own; an emulator may not.
    protected override KeyReference UnnamedKey => new KeyReference.ServiceDefault();
}
