using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>Backup vaults: listed with <c>ListBackupVaults</c>, which names each vault's key (AWS names aws/backup's too).</summary>
public sealed class BackupVaultCollector : ILiveCollector
{
    private static readonly AwsOperation Listing = AwsOperations.BackupListBackupVaults;

    public string ResourceType => BackupVault.Descriptor.Type;

    public AwsService Service => AwsApi.Backup.Service;

    public IReadOnlyList<string> Calls { get; } = [Listing.Name];

    public string WildcardArn(string partition, string region, string account) => $"arn:{partition}:backup:{region}:{account}:backup-vault:*";

    public Task<RegionInventory> CollectAsync(RegionContext region, RegionServices services)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(services);
        var pages = services.Clients.Api(AwsApi.Backup, region.Region).ItemPagesAsync(region, Listing, "BackupVaultList", vault => Read(vault, region), [new("MaxResults", 1000)]);
        return this.CollectPagesAsync(
            region,
            services,
            pages,
            async vault => vault with
            {
                // A vault listed without a key (an emulator's) is on the AWS-managed aws/backup.
                Key = vault.KmsKeyId.Value is { Length: > 0 } key ? await services.Keys.ResolveAsync(key).ConfigureAwait(false) : new KeyReference.ServiceDefault(),
            },
            vault => (vault.Id, vault.KmsKeyId.Value));
    }

    private static BackupVault Read(AwsAnswer vault, RegionContext region)
    {
        var name = vault.Text("BackupVaultName") ?? string.Empty;
        return new BackupVault
        {
            Id = vault.Text("BackupVaultArn") ?? $"arn:{region.Partition}:backup:{region.Region}:{region.Account}:backup-vault:{name}",
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(vault.Text("EncryptionKeyArn")),
            Key = new KeyReference.Undetermined(Texts.Canonical("reasons.key-not-resolved")),
        };
    }
}
