using System.Text.Json;
using Hangfire;
using Hangfire.Server;
using Kagi.Aws;
using Kagi.Aws.Organizations;
using Kagi.Core.Findings;
using Kagi.Core.Localization;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Store;
using Kagi.Store.Distributed;
using Kagi.Web;

namespace Kagi.Cli;

/// <summary>
/// The jobs of a distributed scan, run by Hangfire on any worker: <see cref="Plan"/> splits the scan into units (an
/// account × a region) and enqueues them; each <see cref="Unit"/> scans its part and records it in the store at most once;
/// the unit that finishes last enqueues <see cref="Complete"/>, which judges the organization from what the units
/// recorded and stores it as one scan. Every job may run twice (a retry, a worker that died): each checks the store's
/// state first and changes it in one transaction, so nothing is recorded twice. Every call to the store waits out an
/// outage of the store (<see cref="OutageRetry"/>).
/// </summary>
public sealed class ScanJobs
{
    private readonly WorkerSettings _settings;
    private readonly OutageRetry _retry;

    internal ScanJobs(WorkerSettings settings, OutageRetry retry)
    {
        _settings = settings;
        _retry = retry;
    }

    /// <summary>
    /// Lists the accounts the scan names and enqueues a unit for each account and region. Failing at its last attempt,
    /// it records the scan as one unit that could not be planned, so the scan still completes, an ERROR of everything.
    /// </summary>
    public async Task Plan(long scanId, PerformContext? context)
    {
        var arguments = await _retry.WithStoreAsync(store => Arguments(store, scanId)).ConfigureAwait(false);
        var scan = Request(arguments, scanId);
        var groups = DistributedScanOptions.ServiceGroupsOf(arguments, ServiceGroups.Services(KindCatalog.LiveCollectors));
        using var session = Session(scan.Request, KindCatalog.LiveCollectors);
        OrganizationPlan plan;
        try
        {
            plan = await session.Scanner.PlanAsync(scan.Selection!, session.Request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsLastAttempt(context))
        {
            var reason = Texts.Canonical("reasons.unit-failed", ("unit", "plan"), ("attempts", _settings.Retries + 1), ("reason", exception.Message));
            plan = OrganizationPlan.Failed(session.Scanner.Unscanned(new OrganizationAccount("*", null, OrganizationAccount.Active), session.Request.RegionScopes, "plan", reason));
        }

        if (plan.Failure is { } failure)
        {
            // Who the caller is, or which accounts exist, is unknown: one unit stands for all, an ERROR of every kind.
            var whole = new PlannedUnit("*", failure.Account, null, "*", 0);
            await _retry.WithStoreAsync(store => store.AddUnits(scanId, [whole])).ConfigureAwait(false);
            await FinishAsync(scanId, whole.Unit, new UnitOutcome(UnitInventory.Encode(failure), 0, 0, 0, 0, failure.Inventory.Unscanned is [var first, ..] ? first.Reason : null)).ConfigureAwait(false);
            return;
        }

        var regions = scan.Request.AllRegions ? ["*"] : session.Request.Regions;
        var notes = new PlannedUnit(NotesUnit, plan.Caller, null, "*", 0);
        var parts = plan.Targets.SelectMany(target => regions.SelectMany(region => Enumerable.Range(0, groups).Select(group => (target, region, group))))
            .Select((part, index) => (Unit: new PlannedUnit(UnitKey(part.target.Id, part.region, part.group, groups), part.target.Id, part.target.Name, part.region, index + 1), part.group))
            .ToList();
        await _retry.WithStoreAsync(store => store.AddUnits(scanId, [notes, .. parts.Select(part => part.Unit)])).ConfigureAwait(false);
        foreach (var (unit, group) in parts)
        {
            var target = new UnitTarget(plan.Caller, plan.Partition, unit.Account, unit.AccountName, unit.Region) { Group = group, Groups = groups };
            await _retry.EnqueueAsync(jobs => jobs.Unit(scanId, unit.Unit, target, null)).ConfigureAwait(false);
        }

        // The accounts passed over (suspended, closed) are told by a unit of their own, finished last so that a scan of
        // no unit still completes.
        await FinishAsync(scanId, notes.Unit, new UnitOutcome(UnitInventory.Encode([], new Inventory([], plan.Notes)), 0, 0, 0, 0, null)).ConfigureAwait(false);
    }

    /// <summary>
    /// Scans one account in one region and records it. A failure worth trying again (throttling, a server error, a
    /// timeout, a lost store) is thrown, for Hangfire to retry with back-off; at the last attempt it is recorded as an
    /// ERROR of every kind there instead. An answer such as AccessDenied is what the unit read, not retried. It runs
    /// only while it holds one of its account's slots, so that however many workers there are, an account is read by
    /// no more units at once than the workers allow (<see cref="WorkerSettings.UnitsPerAccount"/>): AWS throttles per account.
    /// </summary>
    public async Task Unit(long scanId, string unit, UnitTarget target, PerformContext? context)
    {
        ArgumentNullException.ThrowIfNull(target);
        await using var slot = await _retry.RunAsync(() => AccountSlots.TakeAsync(_settings.Location, target.Account, _settings.UnitsPerAccount, _settings.UnitTimeout, _settings.Time, CancellationToken.None)).ConfigureAwait(false)
            ?? throw new UnitRetryException(Texts.Canonical("reasons.unit-no-slot", ("unit", unit), ("slots", _settings.UnitsPerAccount)));
        if (await _retry.WithStoreAsync(store => store.StartUnit(scanId, unit, _settings.WorkerName) ? Request(store, scanId) : null).ConfigureAwait(false) is not { } scan)
        {
            return;
        }

        var lastAttempt = IsLastAttempt(context);
        var account = new OrganizationAccount(target.Account, target.AccountName, OrganizationAccount.Active);
        var allRegions = target.Region == "*";
        using var session = Session(scan.Request with { Regions = allRegions ? scan.Request.Regions : [target.Region], AllRegions = allRegions }, ServiceGroups.Of(KindCatalog.LiveCollectors, target.Group, target.Groups));
        AccountScan scanned;
        try
        {
            using var timeout = new CancellationTokenSource(_settings.UnitTimeout);
            var plan = new OrganizationPlan(target.Caller, target.Partition, [account], [], null);
            scanned = await session.Scanner.ScanAccountAsync(plan, account, scan.Selection!, session.Request, new SilentProgress(), timeout.Token).ConfigureAwait(false);
            if (!lastAttempt && scanned.Inventory.Unscanned.FirstOrDefault(scope => AwsCallException.IsTransient(scope.Reason)) is { } retryable)
            {
                throw new UnitRetryException(Texts.Canonical("reasons.unit-retried", ("unit", unit), ("reason", retryable.Reason)));
            }
        }
        catch (Exception exception) when (lastAttempt && exception is not UnitRetryException)
        {
            var reason = Texts.Canonical("reasons.unit-failed", ("unit", unit), ("attempts", _settings.Retries + 1), ("reason", exception.Message));
            scanned = session.Scanner.Unscanned(account, [target.Region], "unit", reason);
        }

        // Counted from the verdicts' statuses: enumerating the findings would judge each one again, once per count.
        var verdicts = VerdictSet.Of(RuleEngine.Run(scanned.Inventory, RuleCatalog.All, scan.Settings.Options));
        await FinishAsync(scanId, unit, new UnitOutcome(
            UnitInventory.Encode(scanned),
            verdicts.CountOf(Core.Rules.ResultStatus.Pass),
            verdicts.CountOf(Core.Rules.ResultStatus.Fail),
            verdicts.CountOf(Core.Rules.ResultStatus.Error),
            verdicts.CountOf(Core.Rules.ResultStatus.Unknown),
            scanned.Inventory.Unscanned.Count > 0 ? scanned.Inventory.Unscanned[0].Reason : null)).ConfigureAwait(false);
    }

    /// <summary>
    /// Judges the organization from every unit's record, account by account as a single-process scan does, and stores
    /// it as one scan: a unit that failed is ERRORs of its account and region, whose findings are not resolved. Run again
    /// (retried, or its store lost midway), it starts over, and stores the scan only if no run stored it yet.
    /// </summary>
    public async Task Complete(long scanId, PerformContext? context)
    {
        try
        {
            await _retry.RunAsync(() => Merge(scanId)).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsLastAttempt(context) && !StoreOutage.Is(exception))
        {
            // Those following the scan would otherwise wait for ever; Hangfire keeps the job as failed too.
            var reason = Texts.Canonical("reasons.unit-failed", ("unit", "completion"), ("attempts", _settings.Retries + 1), ("reason", exception.Message));
            await _retry.WithStoreAsync(store => store.FailCompletion(scanId, reason)).ConfigureAwait(false);
            throw;
        }
    }

    private void Merge(long scanId)
    {
        using var store = DistributedScanStore.Open(_settings.Location, _settings.Time);
        if (!store.BeginCompletion(scanId))
        {
            return;
        }

        var scan = Request(store, scanId);
        using var verdicts = new OrganizationVerdicts(KindCatalog.Kinds, RuleCatalog.All, scan.Settings.Options);
        var targets = new List<string>();

        // The units of one account × region (several with service groups) each add the keys they described: one of them
        // already listed every key there, and a single-process scan has each once.
        var keysOfPlace = new HashSet<string>(StringComparer.Ordinal);
        (string Account, string Region)? place = null;
        foreach (var unit in store.ReadUnits(scanId))
        {
            var saved = UnitInventory.Decode(unit.Inventory, unit.Unit.Unit);
            if (place != (unit.Unit.Account, unit.Unit.Region))
            {
                place = (unit.Unit.Account, unit.Unit.Region);
                keysOfPlace.Clear();
            }

            verdicts.Add(unit.Unit.Position, saved.Inventory with { Resources = [.. saved.Inventory.Resources.Where(resource => resource is not KmsKey key || keysOfPlace.Add(key.Id))] });
            foreach (var target in saved.Targets.Where(target => targets.Count == 0 || targets[^1] != target))
            {
                targets.Add(target);
            }
        }

        var summary = verdicts.Complete([]);
        var status = store.Status(scanId)!;
        var report = ScanReports.Of(ScanSource.Aws, targets, verdicts, summary, scan.Settings, status.CreatedAt, _settings.Time);
        using var findings = FindingStore.Open(_settings.Location, _settings.Time, RuleCatalog.Renamed);
        var muted = MuteApplication.Apply(report, findings.Mutes(includeInactive: false));
        var stored = findings.SaveDistributedScan(scanId, muted, StoredKeys.Of(summary).Select(StoredKeys.ToStored));
        store.EndCompletion(scanId, stored.Id);
    }

    /// <summary>
    /// Records a distributed scan of <paramref name="arguments"/> (what follows <c>kagi scan aws</c>) and enqueues its plan:
    /// what <c>--distributed</c> does, and each run of a schedule.
    /// </summary>
    internal static long Start(DistributedScanStore store, JobStorage jobs, IReadOnlyList<string> arguments)
    {
        var scanId = store.CreateScan(JsonSerializer.Serialize([.. arguments], CliJson.Default.StringArray));
        new BackgroundJobClient(jobs).Enqueue<ScanJobs>(scanJobs => scanJobs.Plan(scanId, null));
        return scanId;
    }

    /// <summary>A run of a schedule (<c>kagi schedule add</c>): starts its scan, whose number Hangfire keeps as the result.</summary>
    public long Scheduled(string[] arguments)
    {
        using var store = DistributedScanStore.Open(_settings.Location, _settings.Time);
        return Start(store, _settings.Storage, arguments);
    }

    /// <summary>The unit that carries the notes of the scan as a whole.</summary>
    internal const string NotesUnit = "notes";

    // Hangfire counts the retries so far in the job's "RetryCount" parameter.
    private bool IsLastAttempt(PerformContext? context) => (context?.GetJobParameter<int>("RetryCount") ?? 0) >= _settings.Retries;

    // The unit that finishes last enqueues the completion. A finish tried again after the store lost its answer finds
    // its unit finished already: when the scan waits for a completion nothing began, that finish may have been the last.
    private async Task FinishAsync(long scanId, string unit, UnitOutcome outcome)
    {
        var last = await _retry.WithStoreAsync(store => store.FinishUnit(scanId, unit, outcome) switch
        {
            UnitFinish.Last => true,
            UnitFinish.AlreadyFinished => store.Status(scanId) is { State: DistributedScanStates.Running, Units: var units } && units.Finished == units.Total,
            _ => false,
        }).ConfigureAwait(false);
        if (last)
        {
            await _retry.EnqueueAsync(jobs => jobs.Complete(scanId, null)).ConfigureAwait(false);
        }
    }

    private static ScanAwsRequest Request(DistributedScanStore store, long scanId) => Request(Arguments(store, scanId), scanId);

    private static string[] Arguments(DistributedScanStore store, long scanId)
    {
        var status = store.Status(scanId) ?? throw new InvalidDataException(Texts.Canonical("reasons.distributed-scan-missing", ("scan", scanId)));
        return JsonSerializer.Deserialize(status.Request, CliJson.Default.StringArray) ?? [];
    }

    private static ScanAwsRequest Request(string[] arguments, long scanId)
    {
        using var problems = new StringWriter();
        return ScanAwsCommand.ReadArguments(arguments, problems)
            ?? throw new InvalidDataException(Texts.Canonical("reasons.distributed-request-unreadable", ("scan", scanId), ("problem", problems.ToString().Trim())));
    }

    private OrganizationSession Session(LiveScanOptions request, IReadOnlyList<ILiveCollector> collectors) =>
        new LiveScan(collectors, Environment.GetEnvironmentVariable, _settings.Time, new SilentProgress()).Organization(request);

    // An account × region's unit; with service groups, one of its parts.
    private static string UnitKey(string account, string region, int group, int groups) =>
        groups == 1 ? $"{account}/{region}" : $"{account}/{region}/{group + 1}-of-{groups}";
}

/// <summary>
/// Where a unit scans: the account and region, and who the caller is (to scan its own account without a role); with
/// service groups, which of the region's <see cref="Groups"/> groups of services it reads (<see cref="ServiceGroups"/>).
/// </summary>
public sealed record UnitTarget(string Caller, string Partition, string Account, string? AccountName, string Region)
{
    public int Group { get; init; }

    public int Groups { get; init; } = 1;
}

/// <summary>A unit that found a failure worth another attempt.</summary>
public sealed class UnitRetryException(string message) : Exception(message);
