using Kagi.Rules.Aws.Backup.Vaults;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>
/// AWS Backup's <c>ListBackupVaults</c> (REST-JSON, <c>GET /backup-vaults/</c>) over the region's vaults, each naming its key
/// as AWS does; a vault's access policy and notifications from its <c>Policy</c>, <c>SNSTopicArn</c> and
/// <c>BackupVaultEvents</c> (comma-separated) extras, and without them AWS's <c>ResourceNotFoundException</c>.
/// </summary>
public sealed class BackupApi : IFakeApi
{
    /// <summary>The most vaults a page holds here (the API allows 1000; the fake pages sooner).</summary>
    public const int MaxPageSize = 100;

    private const string ListBackupVaults = "ListBackupVaults";
    private const string AccessPolicy = "GetBackupVaultAccessPolicy";
    private const string Notifications = "GetBackupVaultNotifications";

    public string SigningName => "backup";

    public FakeWire Wire => FakeWire.RestJson;

    public FakeListing? ListingOf(string kind) => kind == BackupVault.Descriptor.Type ? new("ListBackupVaults", MaxPageSize) : null;

    public string ActionOf(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request switch
        {
            { Method: "GET", Path: "/backup-vaults/" or "/backup-vaults" } => ListBackupVaults,
            { Method: "GET", Path: var path } when path.EndsWith("/access-policy", StringComparison.Ordinal) => AccessPolicy,
            { Method: "GET", Path: var path } when path.EndsWith("/notification-configuration", StringComparison.Ordinal) => Notifications,
            _ => $"{request.Method} {request.Path}",
        };
    }

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        var action = ActionOf(request);
        if (action is AccessPolicy or Notifications)
        {
            var name = Uri.UnescapeDataString(request.Path.Split('/')[2]);
            var vault = region.StoresOf(BackupVault.Descriptor.Type).FirstOrDefault(store => store.Name == name);
            return (action, vault) switch
            {
                (AccessPolicy, { Extra: var extra }) when extra.TryGetValue("Policy", out var policy) => FakeReply.Json(new { BackupVaultName = name, Policy = policy }, "application/json"),
                (Notifications, { Extra: var extra }) when extra.TryGetValue("SNSTopicArn", out var topic) =>
                    FakeReply.Json(new { BackupVaultName = name, SNSTopicArn = topic, BackupVaultEvents = extra.GetValueOrDefault("BackupVaultEvents", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries) }, "application/json"),
                _ => FakeReply.Error(FakeWire.RestJson, "ResourceNotFoundException", $"no {action} for {name}", 404),
            };
        }

        if (action != ListBackupVaults)
        {
            return null;
        }

        var requested = int.TryParse(request.Query["maxResults"], System.Globalization.CultureInfo.InvariantCulture, out var size) ? size : (int?)null;
        var (vaults, next) = FakePaging.Page(region.StoresOf(BackupVault.Descriptor.Type), request.Query["nextToken"].FirstOrDefault(), requested, MaxPageSize);
        return FakeReply.Json(
            new
            {
                BackupVaultList = vaults.Select(vault => new
                {
                    BackupVaultName = vault.Name,
                    BackupVaultArn = $"arn:aws:backup:{request.Region}:{scenario.Account}:backup-vault:{vault.Name}",
                    EncryptionKeyArn = vault.KmsKeyId,
                }),
                NextToken = next,
            },
            "application/json");
    }
}
