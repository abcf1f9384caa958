using Kagi.Rules.Aws.Backup.Vaults;

namespace Kagi.Aws.Tests.Fake.Apis;

/// <summary>AWS Backup's <c>ListBackupVaults</c> (REST-JSON, <c>GET /backup-vaults/</c>) over the region's vaults, each naming its key as AWS does.</summary>
public sealed class BackupApi : IFakeApi
{
    /// <summary>The most vaults a page holds here (the API allows 1000; the fake pages sooner).</summary>
    public const int MaxPageSize = 100;

    private const string ListBackupVaults = "ListBackupVaults";

    public string SigningName => "backup";

    public FakeWire Wire => FakeWire.RestJson;

    public FakeListing? ListingOf(string kind) => kind == BackupVault.Descriptor.Type ? new("ListBackupVaults", MaxPageSize) : null;

    public string ActionOf(FakeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is { Method: "GET", Path: "/backup-vaults/" or "/backup-vaults" } ? ListBackupVaults : $"{request.Method} {request.Path}";
    }

    public FakeReply? Answer(FakeRequest request, FakeRegion region, FakeScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(scenario);
        if (ActionOf(request) != ListBackupVaults)
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
