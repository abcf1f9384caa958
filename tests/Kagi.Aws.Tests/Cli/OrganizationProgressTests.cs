using System.Text.RegularExpressions;
using Kagi.Aws.Organizations;
using Kagi.Aws.Tests.Fake;
using Kagi.Cli;
using Kagi.Core.Rules;
using Kagi.Testing;
using Spectre.Console;

namespace Kagi.Aws.Tests.Cli;

/// <summary>
/// The progress of an organization scan, told by account: one line per account done when standard error is not a
/// terminal, one line for the organization and one per account in flight on a terminal, nothing with --quiet. The fake
/// organization has four active accounts (the caller's own, two members that let the role be assumed, one that denies
/// it) and a suspended one.
/// </summary>
public sealed partial class OrganizationProgressTests
{
    private const string Region = "eu-west-1";
    private const string Management = "111122223333";
    private const string Prod = "222233334444";
    private const string Denied = "333344445555";

    private static readonly AccountSelection AllAccounts = new() { AllAccounts = true, RoleName = "KagiReadOnly" };

    [Fact]
    public async Task Log_lines_give_each_account_done_with_its_own_calls_and_what_could_not_be_read()
    {
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        using var error = new StringWriter();

        Scans.Run(Options(fake), AllAccounts, new OrganizationLogLines(error, Language.En));
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // One line for the accounts chosen, then one per active account, none per region; the last says all are done
        Assert.Equal("kagi: scanning 4 accounts", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.EndsWith("(4 of 4 accounts done)", lines[^1], StringComparison.Ordinal);

        // Each account's calls are its own: those signed with its credentials, and the AssumeRole that reached it
        var prod = Assert.Single(lines, line => line.StartsWith($"kagi: {Prod} (prod):", StringComparison.Ordinal));
        var prodCalls = fake.Calls.Count(call => call.Account == Prod) + fake.Calls.Count(call => call.Action == "AssumeRole" && call.Subject!.Contains(Prod, StringComparison.Ordinal));
        Assert.Contains($": 1 regions, {prodCalls} API calls (", prod, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be read", prod, StringComparison.Ordinal);
        var management = Assert.Single(lines, line => line.StartsWith($"kagi: {Management} (management):", StringComparison.Ordinal));
        Assert.Contains($", {fake.Calls.Count(call => call.Account == Management && call.Action is not ("AssumeRole" or "ListAccounts" or "GetCallerIdentity")) + 1} API calls", management, StringComparison.Ordinal);

        // The account whose role is denied read no region, and says how many of its scopes could not be read
        var denied = Assert.Single(lines, line => line.StartsWith($"kagi: {Denied} (denied):", StringComparison.Ordinal));
        Assert.Matches(@": 0 regions, 1 API calls \(\d of 4 accounts done\), [1-9]\d* could not be read$", denied);
    }

    [Fact]
    public async Task The_terminal_display_counts_the_organizations_accounts_calls_and_errors()
    {
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        using var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(screen), Ansi = AnsiSupport.Yes, Interactive = InteractionSupport.Yes });
        console.Profile.Width = 200;

        OrganizationLiveDisplay.Run(console, Language.En, progress => Scans.Run(Options(fake), AllAccounts, progress));

        // The last frame drawn: every account done, none in flight, every call the fake answered counted (the
        // organization's own included) and none still in flight, the denied AssumeRole the one that failed, one account with ERRORs
        var drawn = AnsiEscape().Replace(screen.ToString(), string.Empty);
        var lastFrame = drawn[drawn.LastIndexOf("4 of 4 accounts done", StringComparison.Ordinal)..];
        Assert.StartsWith($"4 of 4 accounts done, 0 in flight; {fake.Calls.Count} API calls, 0 in flight, 1 failed; 1 accounts with ERRORs", lastFrame, StringComparison.Ordinal);

        // And no account is left on it: each account's line is removed when the account is done
        Assert.DoesNotContain(" regions, ", lastFrame, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_in_flight_rise_while_accounts_are_scanned_and_are_none_at_the_end()
    {
        // Given an organization whose member answers after 50 ms, so that its calls overlap
        var organization = OrganizationScanTests.Organization();
        organization.Members[0] = new FakeMember(OrganizationScanTests.Account(Prod, "fail_prod", kmsKeyArn: null, latency: TimeSpan.FromMilliseconds(50)), "prod");
        await using var fake = await FakeAws.StartAsync(organization);
        var progress = new CallsInFlight();

        Scans.Run(Options(fake), AllAccounts, progress);

        // Then several calls were in flight at once, never fewer than none, and none is left when the scan is done
        Assert.True(progress.Most > 1, $"at most {progress.Most} calls in flight");
        Assert.True(progress.Least >= 0, $"{progress.Least} calls in flight");
        Assert.Equal(0, progress.Now);
    }

    [Fact]
    public async Task Japanese_log_lines_hold_no_english()
    {
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        using var error = new StringWriter();

        Scans.Run(Options(fake), AllAccounts, new OrganizationLogLines(error, Language.Ja));

        Assert.Contains("4 個のアカウントをスキャンします", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(JapaneseOutput.EnglishLines(error.ToString(), []));
    }

    [Fact]
    public async Task Quiet_prints_no_progress()
    {
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        string[] scan = ["scan", "aws", "--endpoint-url", fake.Endpoint.ToString(), "--region", Region, "--all-accounts", "--role-name", "KagiReadOnly", "--format", "json"];

        var (loudExit, loudOutput, loud) = ScanAwsCommandTests.Kagi(scan);
        var (quietExit, quietOutput, quiet) = ScanAwsCommandTests.Kagi([.. scan, "--quiet"]);

        // The same scan and report, with the progress lines gone from standard error
        Assert.Equal((1, 1), (loudExit, quietExit));
        Assert.Equal(ScanAwsCommandTests.Findings(loudOutput), ScanAwsCommandTests.Findings(quietOutput));
        Assert.Contains("kagi: scanning 4 accounts", loud, StringComparison.Ordinal);
        Assert.Contains("accounts done)", loud, StringComparison.Ordinal);
        Assert.DoesNotContain("scanning", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain("accounts done", quiet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task No_more_accounts_are_scanned_at_once_than_the_limit(int limit)
    {
        await using var fake = await FakeAws.StartAsync(OrganizationScanTests.Organization());
        var progress = new AccountsInFlight(holdUntilStarted: limit);

        Scans.Run(Options(fake) with { MaxAccountsInFlight = limit }, AllAccounts, progress);

        // The four active accounts start at once up to the limit, and never more
        Assert.Equal(limit, progress.Most);
    }

    [Fact]
    public void The_command_line_refuses_a_limit_of_accounts_in_flight_out_of_range()
    {
        var (zero, _, zeroError) = ScanAwsCommandTests.Kagi("scan", "aws", "--region", Region, "--all-accounts", "--role-name", "KagiReadOnly", "--max-accounts-in-flight", "0");
        var (alone, _, aloneError) = ScanAwsCommandTests.Kagi("scan", "aws", "--region", Region, "--max-accounts-in-flight", "8");

        Assert.Equal((2, 2), (zero, alone));
        Assert.Contains("--max-accounts-in-flight must be between 1 and 64", zeroError, StringComparison.Ordinal);
        Assert.Contains("choose them with --all-accounts, --ou or --account", aloneError, StringComparison.Ordinal);
    }

    private static LiveScanOptions Options(FakeAws fake) => new() { Regions = [Region], EndpointUrl = fake.Endpoint };

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    /// <summary>
    /// The most accounts in flight at once. An account that finishes is held in flight until <c>holdUntilStarted</c>
    /// accounts have started (or 30 s passed), so that how many overlap does not depend on how fast the machine is:
    /// a scanner that allows fewer at once than its limit never gets there, one that allows more goes past it.
    /// </summary>
    private sealed class AccountsInFlight(int holdUntilStarted) : IScanProgress
    {
        private readonly Lock _lock = new();
        private int _now;
        private int _started;

        public int Most { get; private set; }

        public void RegionStarted(string region)
        {
        }

        public void CallFinished(string region, AwsService service, string call, bool succeeded)
        {
        }

        public void ResourcesFound(string region, string resourceType, int count)
        {
        }

        public void RegionFinished(string region, int failures)
        {
        }

        public IScanProgress AccountStarted(string account)
        {
            lock (_lock)
            {
                Most = Math.Max(Most, ++_now);
                _started++;
            }

            return this;
        }

        public void AccountFinished(string account, int unread)
        {
            // Called on the account's own task, after its scan and before it leaves the limit: waiting here holds it in flight.
            SpinWait.SpinUntil(() => { lock (_lock) { return _started >= holdUntilStarted; } }, TimeSpan.FromSeconds(30));
            lock (_lock)
            {
                _now--;
            }
        }
    }

    /// <summary>The calls in flight across the organization, as the display's tally counts them.</summary>
    private sealed class CallsInFlight : IScanProgress
    {
        private readonly Lock _lock = new();

        public int Now { get; private set; }

        public int Most { get; private set; }

        public int Least { get; private set; }

        public void RegionStarted(string region)
        {
        }

        public void CallFinished(string region, AwsService service, string call, bool succeeded)
        {
        }

        public void CallsUnderWayChanged(string region, int change)
        {
            lock (_lock)
            {
                Now += change;
                (Most, Least) = (Math.Max(Most, Now), Math.Min(Least, Now));
            }
        }

        public void ResourcesFound(string region, string resourceType, int count)
        {
        }

        public void RegionFinished(string region, int failures)
        {
        }
    }
}
