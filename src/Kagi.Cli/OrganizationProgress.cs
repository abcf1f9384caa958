using Kagi.Aws;
using Kagi.Core.Localization;
using Kagi.Core.Rules;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kagi.Cli;

/// <summary>
/// The progress of an organization scan, told by account rather than by region (200 accounts of 17 regions would be
/// 3,400 lines): what is counted is the same for every display, how it is shown is the subclass's.
/// </summary>
internal abstract class OrganizationProgress(Language language) : IScanProgress
{
    protected OrganizationTally Tally { get; } = new();

    protected Language Language => language;

    // The organization's own calls (who the caller is, the listing) belong to no account; they count all the same.
    public void RegionStarted(string region)
    {
    }

    public void CallFinished(string region, AwsService service, string call, bool succeeded) => Tally.CallFinished(account: null, succeeded);

    public void CallsUnderWayChanged(string region, int change) => Tally.CallsUnderWayChanged(change);

    public void ResourcesFound(string region, string resourceType, int count)
    {
    }

    public void RegionFinished(string region, int failures)
    {
    }

    public void AccountsChosen(int count)
    {
        Tally.Choose(count);
        Chosen(count);
    }

    public IScanProgress AccountStarted(string account)
    {
        Tally.Start(account);
        Started(account);
        return new AccountCounter(Tally, account);
    }

    public void AccountFinished(string account, int unread) => Finished(account, Tally.Finish(account, unread));

    protected abstract void Chosen(int count);

    protected abstract void Started(string account);

    protected abstract void Finished(string account, FinishedAccount finished);

    /// <summary>One account's regions and calls, counted into the tally.</summary>
    private sealed class AccountCounter(OrganizationTally tally, string account) : IScanProgress
    {
        public void RegionStarted(string region) => tally.RegionStarted(account);

        public void CallFinished(string region, AwsService service, string call, bool succeeded) => tally.CallFinished(account, succeeded);

        public void CallsUnderWayChanged(string region, int change) => tally.CallsUnderWayChanged(change);

        public void ResourcesFound(string region, string resourceType, int count)
        {
        }

        public void RegionFinished(string region, int failures) => tally.RegionFinished(account);
    }
}

/// <summary>Plain lines on standard error when it is not a terminal: one when the accounts are chosen, one as each account is done.</summary>
internal sealed class OrganizationLogLines(TextWriter error, Language language) : OrganizationProgress(language)
{
    private readonly Lock _lock = new();

    protected override void Chosen(int count) => Write(Texts.Get(Language, "cli.organization-chosen", ("count", count)));

    protected override void Started(string account)
    {
    }

    protected override void Finished(string account, FinishedAccount finished)
    {
        var unread = finished.Unread > 0 ? $", {Texts.Get(Language, "cli.region-unread", ("failures", finished.Unread))}" : string.Empty;
        Write(Texts.Get(Language, "cli.organization-account-done", ("account", account), ("regions", finished.Account.RegionsDone), ("calls", finished.Account.Calls), ("done", finished.Overall.Done), ("total", finished.Overall.Chosen)) + unread);
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            error.WriteLine($"kagi: {line}");
        }
    }
}

/// <summary>
/// A live display on a terminal: one line for the whole organization (accounts done, calls, ERRORs), and one line for
/// each account in flight, gone when the account is done. The lines are written when the display is drawn, from the
/// tally, rather than at every call.
/// </summary>
internal sealed class OrganizationLiveDisplay : OrganizationProgress
{
    private readonly ProgressContext _context;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ProgressTask> _accounts = new(StringComparer.Ordinal);

    private OrganizationLiveDisplay(ProgressContext context, Language language)
        : base(language) => _context = context;

    /// <summary>Runs <paramref name="scan"/> with the display on <paramref name="console"/>.</summary>
    public static T Run<T>(IAnsiConsole console, Language language, Func<IScanProgress, T> scan)
    {
        OrganizationLiveDisplay? display = null;
        return console.Progress()
            .AutoClear(false)
            .Columns(new LineColumn(task => display!.Describe(task)), new SpinnerColumn(), new ElapsedTimeColumn())
            .Start(context => scan(display = new OrganizationLiveDisplay(context, language)));
    }

    // Drawn by the line column, like every task; Spectre asks for a description all the same.
    protected override void Chosen(int count) => _context.AddTask(Texts.Get(Language, "cli.organization-chosen", ("count", count)), autoStart: true, maxValue: 1).IsIndeterminate();

    protected override void Started(string account)
    {
        lock (_lock)
        {
            var task = _context.AddTask(account, autoStart: true, maxValue: 1).IsIndeterminate();
            task.Tag = account;
            _accounts[account] = task;
        }
    }

    protected override void Finished(string account, FinishedAccount finished)
    {
        lock (_lock)
        {
            if (_accounts.Remove(account, out var task))
            {
                _context.RemoveTask(task);
            }
        }
    }

    private string Describe(ProgressTask task)
    {
        if (task.Tag is string account)
        {
            var counts = Tally.Of(account);
            return Texts.Get(Language, "cli.organization-account-progress", ("account", account), ("done", counts.RegionsDone), ("started", counts.RegionsStarted), ("calls", counts.Calls));
        }

        var overall = Tally.Overall();
        return Texts.Get(Language, "cli.organization-progress", ("done", overall.Done), ("total", overall.Chosen), ("inFlight", overall.InFlight), ("calls", overall.Calls), ("callsInFlight", overall.CallsInFlight), ("failed", overall.FailedCalls), ("errors", overall.AccountsWithErrors));
    }

    /// <summary>A task's line, drawn as plain text: account names and IDs are never read as markup.</summary>
    private sealed class LineColumn(Func<ProgressTask, string> describe) : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) => new Text(describe(task));
    }
}

/// <summary>One account's counts so far.</summary>
internal readonly record struct AccountCounts(int RegionsStarted, int RegionsDone, int Calls);

/// <summary>The organization's counts so far.</summary>
internal readonly record struct OrganizationCounts(int Chosen, int Done, int InFlight, int Calls, int CallsInFlight, int FailedCalls, int AccountsWithErrors);

/// <summary>An account just done: its counts, how many of its scopes could not be read, and the organization's counts with it.</summary>
internal readonly record struct FinishedAccount(AccountCounts Account, int Unread, OrganizationCounts Overall);

/// <summary>An organization scan's counts: accounts chosen, done and in flight, each account's regions and calls, calls made, in flight and failed. Thread-safe.</summary>
internal sealed class OrganizationTally
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, AccountCounts> _inFlight = new(StringComparer.Ordinal);
    private int _chosen;
    private int _done;
    private int _calls;
    private int _callsInFlight;
    private int _failedCalls;
    private int _accountsWithErrors;

    public void Choose(int count) => Update(() => _chosen = count);

    public void Start(string account) => Update(() => _inFlight[account] = default);

    public void RegionStarted(string account) => Change(account, counts => counts with { RegionsStarted = counts.RegionsStarted + 1 });

    public void RegionFinished(string account) => Change(account, counts => counts with { RegionsDone = counts.RegionsDone + 1 });

    /// <summary>A call of <paramref name="account"/>, or of the organization itself when null.</summary>
    public void CallFinished(string? account, bool succeeded)
    {
        lock (_lock)
        {
            _calls++;
            _failedCalls += succeeded ? 0 : 1;
            if (account is not null && _inFlight.TryGetValue(account, out var counts))
            {
                _inFlight[account] = counts with { Calls = counts.Calls + 1 };
            }
        }
    }

    public void CallsUnderWayChanged(int change) => Update(() => _callsInFlight += change);

    public FinishedAccount Finish(string account, int unread)
    {
        lock (_lock)
        {
            _inFlight.Remove(account, out var counts);
            _done++;
            _accountsWithErrors += unread > 0 ? 1 : 0;
            return new(counts, unread, Counts());
        }
    }

    /// <summary>An account's counts; nothing for one not in flight.</summary>
    public AccountCounts Of(string account)
    {
        lock (_lock)
        {
            return _inFlight.GetValueOrDefault(account);
        }
    }

    public OrganizationCounts Overall()
    {
        lock (_lock)
        {
            return Counts();
        }
    }

    private OrganizationCounts Counts() => new(_chosen, _done, _inFlight.Count, _calls, _callsInFlight, _failedCalls, _accountsWithErrors);

    private void Change(string account, Func<AccountCounts, AccountCounts> change) =>
        Update(() =>
        {
            if (_inFlight.TryGetValue(account, out var counts))
            {
                _inFlight[account] = change(counts);
            }
        });

    private void Update(Action change)
    {
        lock (_lock)
        {
            change();
        }
    }
}
