using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Kagi.Aws.Protocols;
using Kagi.Core.Localization;
using Kagi.Core.Model;

namespace Kagi.Aws.Organizations;

/// <summary>
/// One account's scan, with the name Organizations gives it (null when the account was named on the command line alone);
/// each resource and unread scope of <see cref="Result"/> already carries that name.
/// </summary>
public sealed record AccountScan(string Account, string? Name, AwsScanResult Result)
{
    /// <summary>The account as reports name it (<see cref="AccountLabel"/>).</summary>
    public string Label => AccountLabel.Of(Account, Name);

    /// <summary>What the scan read.</summary>
    public Inventory Inventory => Result.Inventory;

    /// <summary>
    /// The scan of <paramref name="account"/>, its inventory named once here: the unnamed one is then dropped rather than
    /// held beside a named copy.
    /// </summary>
    public static AccountScan Named(string account, string? name, AwsScanResult result) =>
        new(account, name, result with { Inventory = result.Inventory.InAccountNamed(name) });
}

/// <summary>
/// What a scan of several accounts is split into: the caller, its partition, the active accounts chosen (in the order
/// reports list them) and the notes of those passed over; or, when the caller or the organization could not be read,
/// the <see cref="Failure"/> that stands for every account.
/// </summary>
public sealed record OrganizationPlan(string Caller, string Partition, IReadOnlyList<OrganizationAccount> Targets, IReadOnlyList<ScanDiagnostic> Notes, AccountScan? Failure)
{
    public static OrganizationPlan Failed(AccountScan failure) => new(string.Empty, string.Empty, [], [], failure);
}

/// <summary>Hears each account of an organization scan as soon as it is scanned, with its position among the accounts chosen (the order reports list them in).</summary>
public delegate Task AccountScanned(int position, AccountScan scan);

/// <summary>
/// Scans the accounts an <see cref="AccountSelection"/> names: the caller's own with its own credentials, every other by
/// assuming a role there. An account whose role cannot be assumed is an ERROR of every kind in every requested region of
/// that account, naming the role and the failure, while the others are scanned; a few accounts are scanned at once.
/// </summary>
public sealed class OrganizationScanner
{
    // Not an AWS service: what failed is Kagi's own step, named so in the ERROR's "service" field.
    private static readonly AwsService KagiStep = new("kagi", []);

    private readonly AwsClientFactory _callerClients;
    private readonly Func<AWSCredentials, AwsClientFactory> _clientsFor;
    private readonly IReadOnlyList<ILiveCollector> _collectors;
    private readonly IScanProgress _progress;

    /// <param name="callerClients">Clients with the caller's own credentials: Organizations, STS and the caller's own account.</param>
    /// <param name="clientsFor">Clients for another account's credentials, with the same endpoints and retries.</param>
    public OrganizationScanner(AwsClientFactory callerClients, Func<AWSCredentials, AwsClientFactory> clientsFor, IReadOnlyList<ILiveCollector> collectors, IScanProgress progress)
    {
        ArgumentNullException.ThrowIfNull(callerClients);
        ArgumentNullException.ThrowIfNull(clientsFor);
        ArgumentNullException.ThrowIfNull(collectors);
        ArgumentNullException.ThrowIfNull(progress);
        _callerClients = callerClients;
        _clientsFor = clientsFor;
        _collectors = collectors;
        _progress = progress;
    }

    /// <summary>Four accounts at once keep a 2-core machine busy (each scans its regions and services in parallel) while an organization's memory stays bounded.</summary>
    public const int DefaultMaxAccountsInFlight = 4;

    /// <summary>How many accounts are scanned at once; each has its own per-service, per-region call limit.</summary>
    public int MaxAccountsInFlight { get; init; } = DefaultMaxAccountsInFlight;

    public int MaxCallsInFlightPerService { get; init; } = 10;

    /// <summary>
    /// Scans every account, handing each to <paramref name="scanned"/> as soon as it is done, and keeps none: an account's
    /// slot among those in flight is held until <paramref name="scanned"/> returns, so at most
    /// <see cref="MaxAccountsInFlight"/> inventories are alive here at any time, whatever the number of accounts.
    /// Returns the notes of the accounts passed over (suspended, closed).
    /// </summary>
    public async Task<IReadOnlyList<ScanDiagnostic>> ScanAsync(AccountSelection selection, AwsScanRequest request, AccountScanned scanned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scanned);
        var plan = await PlanAsync(selection, request, cancellationToken).ConfigureAwait(false);
        if (plan.Failure is { } failure)
        {
            await scanned(0, failure).ConfigureAwait(false);
            return [];
        }

        _progress.AccountsChosen(plan.Targets.Count);
        using var inFlight = new SemaphoreSlim(MaxAccountsInFlight);

        // The tasks return nothing: a task's result would keep its account's inventory alive until every account is done.
        await Task.WhenAll(plan.Targets.Select(async (target, position) =>
        {
            await inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var progress = _progress.AccountStarted(target.Label);
                var scan = await ScanAccountAsync(plan, target, selection, request, progress, cancellationToken).ConfigureAwait(false);
                _progress.AccountFinished(target.Label, scan.Result.Inventory.Unscanned.Count);
                await scanned(position, scan).ConfigureAwait(false);
            }
            finally
            {
                inFlight.Release();
            }
        })).ConfigureAwait(false);
        return plan.Notes;
    }

    /// <summary>
    /// Who the caller is and which accounts <paramref name="selection"/> names (listing the organization when it asks):
    /// what a scan of several accounts is split into. A caller that cannot be named, or an organization that cannot be
    /// listed, is the plan's <see cref="OrganizationPlan.Failure"/>: ERRORs of every kind, none passed off as scanned.
    /// </summary>
    public async Task<OrganizationPlan> PlanAsync(AccountSelection selection, AwsScanRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        var home = Context(AwsScanner.UnknownAccount, request.HomeRegion, _progress, cancellationToken);
        string caller;
        string partition;
        try
        {
            var identity = await home.Call(AwsService.Sts, "GetCallerIdentity", token => _callerClients.Sts(request.HomeRegion).GetCallerIdentityAsync(new GetCallerIdentityRequest(), token)).ConfigureAwait(false);
            (caller, partition) = (identity.Account, identity.Arn.Split(':')[1]);
        }
        catch (AwsCallException exception)
        {
            return OrganizationPlan.Failed(new AccountScan(AwsScanner.UnknownAccount, null, UnreadAccount.Of(_collectors, AwsScanner.UnknownAccount, request.RegionScopes, exception.Service, exception.Call, exception.Summary)));
        }

        IReadOnlyList<OrganizationAccount> listed = [];
        if (selection.ListsOrganization)
        {
            var region = AwsApi.OrganizationsRegion(partition);
            var organizations = new OrganizationAccounts(_callerClients.Api(AwsApi.Organizations, region), Context(caller, region, _progress, cancellationToken));
            try
            {
                listed = selection.AllAccounts ? await organizations.AllAsync().ConfigureAwait(false) : await organizations.UnderAsync(selection.OrganizationalUnits).ConfigureAwait(false);
            }
            catch (AwsCallException exception)
            {
                // Which accounts exist is itself unknown: one ERROR per kind for every account, none passed off as scanned.
                return OrganizationPlan.Failed(new AccountScan("*", null, UnreadAccount.Of(_collectors, "*", request.RegionScopes, exception.Service, exception.Call, exception.Summary)));
            }
        }

        var (targets, notes) = Targets(selection, listed);
        return new OrganizationPlan(caller, partition, targets, notes, null);
    }

    private static (IReadOnlyList<OrganizationAccount> Targets, IReadOnlyList<ScanDiagnostic> Notes) Targets(AccountSelection selection, IReadOnlyList<OrganizationAccount> listed)
    {
        var excluded = selection.ExcludedAccounts.ToHashSet(StringComparer.Ordinal);
        var byId = listed.ToDictionary(account => account.Id, StringComparer.Ordinal);
        var named = selection.Accounts.Where(id => !byId.ContainsKey(id)).Select(id => new OrganizationAccount(id, null, OrganizationAccount.Active));
        var candidates = listed.Concat(named).Where(account => !excluded.Contains(account.Id)).DistinctBy(account => account.Id).ToList();
        var notes = candidates.Where(account => !account.IsActive)
            .Select(account => new ScanDiagnostic(DiagnosticSeverity.Warning, Texts.Canonical("reasons.account-skipped", ("account", account.Label), ("state", account.State))))
            .ToList();
        return ([.. candidates.Where(account => account.IsActive)], notes);
    }

    /// <summary>
    /// Scans one account of <paramref name="plan"/> in the regions <paramref name="request"/> names: the caller's own with
    /// its own credentials, any other through its role, a role that cannot be assumed an ERROR of every kind there.
    /// </summary>
    public async Task<AccountScan> ScanAccountAsync(OrganizationPlan plan, OrganizationAccount target, AccountSelection selection, AwsScanRequest request, IScanProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(progress);
        var (caller, partition) = (plan.Caller, plan.Partition);
        if (target.Id == caller)
        {
            return AccountScan.Named(target.Id, target.Name, await Scanner(_callerClients, progress).ScanAsync(request, cancellationToken).ConfigureAwait(false));
        }

        var role = selection.RoleArn(partition, target.Id);
        var credentials = new AssumedRoleCredentials(_callerClients.Sts(request.HomeRegion), new AssumeRoleRequest
        {
            RoleArn = role,
            RoleSessionName = selection.RoleSessionName,
            ExternalId = selection.ExternalId,
        });
        var context = Context(target.Id, request.HomeRegion, progress, cancellationToken);
        try
        {
            // Assumed once here, so a role that cannot be assumed is this account's ERROR and not a failure of its first call.
            await context.Call(AwsService.Sts, "AssumeRole", async _ => await credentials.GetCredentialsAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (AwsCallException exception)
        {
            var reason = Texts.Canonical("reasons.role-not-assumed", ("role", role), ("failure", exception.Summary));
            return AccountScan.Named(target.Id, target.Name, UnreadAccount.Of(_collectors, target.Id, request.RegionScopes, exception.Service, exception.Call, reason));
        }

        using var clients = _clientsFor(credentials);
        return AccountScan.Named(target.Id, target.Name, await Scanner(clients, progress).ScanAsync(request, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// A part of an account that was not scanned at all, because <paramref name="reason"/> (a distributed unit whose every
    /// attempt failed): an ERROR of every kind in each of <paramref name="regions"/>, told as a failed step of Kagi's.
    /// </summary>
    public AccountScan Unscanned(OrganizationAccount target, IReadOnlyList<string> regions, string step, string reason)
    {
        ArgumentNullException.ThrowIfNull(target);
        return AccountScan.Named(target.Id, target.Name, UnreadAccount.Of(_collectors, target.Id, regions, KagiStep, step, reason));
    }

    private RegionContext Context(string account, string region, IScanProgress progress, CancellationToken cancellationToken) =>
        new(account, region, progress, MaxCallsInFlightPerService, cancellationToken);

    private AwsScanner Scanner(AwsClientFactory clients, IScanProgress progress) =>
        new(clients, _collectors, progress) { MaxCallsInFlightPerService = MaxCallsInFlightPerService };
}
