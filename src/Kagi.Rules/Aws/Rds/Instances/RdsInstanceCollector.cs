using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Rds.Instances;

/// <summary>Standalone RDS instances, listed with <c>DescribeDBInstances</c>; cluster members are left to their cluster.</summary>
public sealed class RdsInstanceCollector : RdsStoreCollector<RdsInstance>
{
    public override string ResourceType => RdsInstance.Descriptor.Type;

    protected override RdsListing Listing => RdsListing.Instances;

    protected override RdsInstance Create(RdsListedStore listed, KeyReference key)
    {
        ArgumentNullException.ThrowIfNull(listed);
        return new RdsInstance
        {
            Id = listed.Arn,
            Name = Fact.Known(listed.Identifier),
            Region = listed.Region,
            Account = listed.Account,
            StorageEncrypted = listed.StorageEncrypted,
            KmsKeyId = listed.KmsKeyId,
            Key = key,
        };
    }
}
