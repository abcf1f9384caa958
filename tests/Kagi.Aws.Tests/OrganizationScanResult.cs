using Kagi.Aws.Organizations;
using Kagi.Core.Model;

namespace Kagi.Aws.Tests;

/// <summary>A scan of several accounts gathered whole: each account's result, and the notes of accounts passed over (suspended, closed).</summary>
internal sealed record OrganizationScanResult(IReadOnlyList<AccountScan> Accounts, IReadOnlyList<ScanDiagnostic> Notes)
{
    /// <summary>Every account's resources, notes and unread scopes in one inventory, accounts in the order chosen.</summary>
    public Inventory Inventory =>
        new([.. Accounts.SelectMany(account => account.Inventory.Resources)], [.. Notes, .. Accounts.SelectMany(account => account.Inventory.Diagnostics)])
        {
            Unscanned = [.. Accounts.SelectMany(account => account.Inventory.Unscanned)],
        };

    /// <summary>Runs a streaming <paramref name="scan"/> and keeps every account it hands over, in the order chosen.</summary>
    public static async Task<OrganizationScanResult> GatherAsync(Func<AccountScanned, Task<IReadOnlyList<ScanDiagnostic>>> scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var scanned = new List<(int Position, AccountScan Scan)>();
        var notes = await scan((position, account) =>
        {
            lock (scanned)
            {
                scanned.Add((position, account));
            }

            return Task.CompletedTask;
        }).ConfigureAwait(false);
        return new([.. scanned.OrderBy(account => account.Position).Select(account => account.Scan)], notes);
    }
}
