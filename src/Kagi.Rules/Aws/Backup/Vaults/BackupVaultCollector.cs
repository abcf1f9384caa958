using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>Backup vaults: listed with <c>ListBackupVaults</c>, which names each vault's key (AWS names aws/backup's too).</summary>
public sealed class BackupVaultCollector : ListedStoreCollector<BackupVault>
{
    protected override AwsOperation Listing => AwsOperations.BackupListBackupVaults;

    protected override string ListMember => "BackupVaultList";

    protected override KeyValuePair<string, object> PageSize => new("MaxResults", 1000);

    public override string WildcardArn(string partition, string region, string account) => $"arn:{partition}:backup:{region}:{account}:backup-vault:*";

    protected override BackupVault Read(AwsAnswer item, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(region);
        var name = item.Text("BackupVaultName") ?? string.Empty;
        return new BackupVault
        {
            Id = item.Text("BackupVaultArn") ?? $"arn:{region.Partition}:backup:{region.Region}:{region.Account}:backup-vault:{name}",
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(item.Text("EncryptionKeyArn")),
            Key = NotResolved,
        };
    }

    protected override BackupVault WithKey(BackupVault store, KeyReference key) => store with { Key = key };

    // A vault listed without a key (an emulator's) is on the AWS-managed aws/backup.
    protected override KeyReference UnnamedKey => new KeyReference.ServiceDefault();
}
