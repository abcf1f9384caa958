using System.Globalization;
using Kagi.Aws;
using Kagi.Aws.Protocols;
using Kagi.Core.Model;

namespace Kagi.Rules.Aws.Backup.Vaults;

/// <summary>
/// Backup vaults: listed with <c>ListBackupVaults</c>, which names each vault's key (AWS names aws/backup's too) and its
/// Vault Lock (retention limits, and the date a compliance-mode lock becomes immutable); then, for what a rebuild carries
/// across, each vault's access policy (<c>GetBackupVaultAccessPolicy</c>) and notifications
/// (<c>GetBackupVaultNotifications</c>), each "none" when the service answers that the vault has none and unknown with
/// the reason when the call fails otherwise. Tags come from the region's tagging listing.
/// </summary>
public sealed class BackupVaultCollector : ListedStoreCollector<BackupVault>
{
    private static readonly AwsOperation AccessPolicy = AwsOperations.BackupGetBackupVaultAccessPolicy;
    private static readonly AwsOperation Notifications = AwsOperations.BackupGetBackupVaultNotifications;
    private const string NoneCode = "ResourceNotFoundException";

    public override IReadOnlyList<string> Calls => [Listing.Name, AccessPolicy.Name, Notifications.Name];

    protected override AwsOperation Listing => AwsOperations.BackupListBackupVaults;

    protected override string ListMember => "BackupVaultList";

    protected override KeyValuePair<string, object> PageSize => new("MaxResults", 1000);

    public override string WildcardArn(string partition, string region, string account) => $"arn:{partition}:backup:{region}:{account}:backup-vault:*";

    protected override async IAsyncEnumerable<IReadOnlyList<BackupVault>> PagesAsync(AwsApiClient client, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(region);
        await foreach (var page in base.PagesAsync(client, region).ConfigureAwait(false))
        {
            yield return await Task.WhenAll(page.Select(vault => WithRebuildSettingsAsync(client, region, vault))).ConfigureAwait(false);
        }
    }

    protected override BackupVault Read(AwsAnswer item, RegionContext region)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(region);
        var name = item.Text("BackupVaultName") ?? string.Empty;
        var locked = item.Text("Locked") == "true";
        return new BackupVault
        {
            Id = item.Text("BackupVaultArn") ?? $"arn:{region.Partition}:backup:{region.Region}:{region.Account}:backup-vault:{name}",
            Name = Fact.Known(name),
            Region = region.Region,
            Account = region.Account,
            KmsKeyId = Fact.Known(item.Text("EncryptionKeyArn")),
            Key = NotResolved,

            // A lock with a lock date is in compliance mode: immutable from that date on.
            LockMode = Fact.Known(!locked ? null : item.Text("LockDate") is null ? BackupVault.GovernanceMode : BackupVault.ComplianceMode),
            LockMinRetentionDays = Fact.Known(Days(item.Text("MinRetentionDays"))),
            LockMaxRetentionDays = Fact.Known(Days(item.Text("MaxRetentionDays"))),
        };
    }

    protected override BackupVault WithKey(BackupVault store, KeyReference key) => store with { Key = key };

    // A vault listed without a key (an emulator's) is on the AWS-managed aws/backup.
    protected override KeyReference UnnamedKey => new KeyReference.ServiceDefault();

    private static async Task<BackupVault> WithRebuildSettingsAsync(AwsApiClient backup, RegionContext region, BackupVault vault)
    {
        IReadOnlyList<KeyValuePair<string, object>> named = [new("BackupVaultName", vault.Name.Value)];
        var policy = await LiveSetting.ReadAsync(region, () => backup.CallAsync(region, AccessPolicy, named), answer => answer.Text("Policy"), NoneCode).ConfigureAwait(false);
        var notifications = await LiveSetting.ReadAsync<AwsAnswer?>(region, () => backup.CallAsync(region, Notifications, named), answer => answer, NoneCode).ConfigureAwait(false);
        return vault with
        {
            AccessPolicy = policy,
            NotificationTopicArn = notifications.Map(answer => answer?.Text("SNSTopicArn")),
            NotificationEvents = notifications.Map<IReadOnlyList<string>>(answer => answer?.Texts("BackupVaultEvents") ?? []),
        };
    }

    private static int Days(string? text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) ? days : 0;
}
