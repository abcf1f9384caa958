using System.Globalization;
using Kagi.Aws.Tests.Cli;
using Kagi.Aws.Tests.Fake;
using Kagi.Store;
using Kagi.Store.Distributed;
using Kagi.Testing;
using Npgsql;

namespace Kagi.Aws.Tests;

/// <summary>
/// Distributed scans when things go wrong (issue 20): a unit that fails every attempt is an ERROR of its account and
/// region and the scan still completes; a worker killed in the middle of a unit leaves it to another, and the findings
/// are still exact.
/// </summary>
public sealed class DistributedFaultTests
{
    private const string Role = "KagiReadOnly";
    private const string Region = "eu-west-1";
    private const string OtherRegion = "us-east-1";

    [Fact]
    public async Task A_unit_that_fails_every_attempt_is_an_error_of_its_account_and_region_and_the_scan_completes()
    {
        // Given four accounts, one of which throttles every RDS call in one region
        ExternalProcess.UseDummyCredentials();
        await using var fake = await FakeAws.StartAsync(Organization(accounts: 4, account => account == 2
            ? new FakeRegion { Faults = [new FakeFault("rds", FaultKind.Throttle)] }
            : null));
        var store = TestStores.NewLocation(StoreKind.Postgres);

        // When two workers that retry a unit once run the organization's scan
        using var workers = new WorkerProcesses(store, count: 2, "--retries", "1");
        var (exitCode, output, error) = await Distributed(fake, store, workers);

        // Then the scan completes, exit 1: the throttled unit was tried twice and is an error, every other unit is done
        Assert.True(exitCode == 1, error + workers.Log());
        Assert.Contains("stored as scan", output, StringComparison.Ordinal);
        using var units = DistributedScanStore.Open(store, TimeProvider.System);
        var all = units.Units(Assert.Single(units.Scans()).Id);
        var throttled = Assert.Single(all, unit => unit.State == UnitStates.Error);
        Assert.Equal(($"{Account(2)}/{Region}", 2), (throttled.Unit.Unit, throttled.Attempts));
        Assert.Contains("throttled", throttled.ErrorText, StringComparison.Ordinal);
        Assert.All(all.Where(unit => unit != throttled), unit => Assert.Equal(UnitStates.Done, unit.State));

        // And the stored scan's ERRORs are that account's in that region alone, the cluster's among them, as the unit counted
        var errors = StoredResults(store, "ERROR");
        Assert.Contains($"{Account(2)} {Region} {Scans.CmkRule}", errors);
        Assert.All(errors, result => Assert.StartsWith($"{Account(2)} {Region} ", result, StringComparison.Ordinal));
        Assert.Equal(throttled.Error, errors.Count);
        Assert.Contains($"{Account(2)} {OtherRegion} {Scans.CmkRule}", StoredResults(store, "PASS"));
    }

    [Fact]
    public async Task A_worker_killed_in_the_middle_of_a_unit_leaves_it_to_another_and_the_findings_are_exact()
    {
        // Given four accounts, one of them slow to answer, scanned first by one process alone
        ExternalProcess.UseDummyCredentials();
        await using var fake = await FakeAws.StartAsync(Organization(accounts: 4, slow: 3));
        var alone = TestStores.NewLocation(StoreKind.Postgres);
        var aloneExit = ScanAwsCommandTests.Kagi([.. Scan(fake), "--quiet", "--store", alone.ConnectionString]).ExitCode;

        // When two workers whose units are handed on after 5 silent seconds run it distributed, and the worker that
        // took the slow account's unit is killed (SIGKILL) while it runs
        var store = TestStores.NewLocation(StoreKind.Postgres);
        using var workers = new WorkerProcesses(store, count: 2, "--lease", "5");
        var scan = Distributed(fake, store, workers);
        var slowUnit = $"{Account(3)}/{Region}";
        var killed = await RunningUnitWorker(store, slowUnit);
        workers.Kill(killed);
        var (exitCode, _, error) = await scan;

        // Then the scan completes with every unit done, the slow one by the other worker on a second attempt
        Assert.True(exitCode == aloneExit, error + workers.Log());
        using var units = DistributedScanStore.Open(store, TimeProvider.System);
        var all = units.Units(Assert.Single(units.Scans()).Id);
        Assert.All(all, unit => Assert.Equal(UnitStates.Done, unit.State));
        var slow = all.Single(unit => unit.Unit.Unit == slowUnit);
        Assert.True(slow.Attempts >= 2 && slow.Worker != killed, $"the slow unit: {slow.Attempts} attempts, last by {slow.Worker}, killed {killed}");

        // And what is stored is what one process stores
        Assert.Equal(DistributedScanTests.Findings(alone), DistributedScanTests.Findings(store));
    }

    [Fact]
    public async Task Units_of_one_account_never_run_at_once_beyond_the_slots_the_workers_allow()
    {
        // Given two accounts of two regions each, answering slowly, and two workers of four threads that allow one unit
        // of an account at a time between them
        ExternalProcess.UseDummyCredentials();
        await using var fake = await FakeAws.StartAsync(Organization(accounts: 2, slowAll: true));
        var store = TestStores.NewLocation(StoreKind.Postgres);
        using var workers = new WorkerProcesses(store, count: 2, "--units-per-account", "1");

        // When the organization is scanned, distributed
        var (exitCode, _, error) = await Distributed(fake, store, workers);

        // Then every unit is done, and no two units of one account ran at the same time
        Assert.True(exitCode is 0 or 1, error + workers.Log());
        using var units = DistributedScanStore.Open(store, TimeProvider.System);
        var all = units.Units(Assert.Single(units.Scans()).Id).Where(unit => unit.Unit.Unit != "notes").ToList();
        Assert.Equal(4, all.Count(unit => unit.State == UnitStates.Done));
        foreach (var account in all.GroupBy(unit => unit.Unit.Account))
        {
            var runs = account.OrderBy(unit => unit.StartedAt).ToList();
            Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.True(
                pair.Second.StartedAt >= pair.First.FinishedAt,
                $"{pair.First.Unit.Unit} ran {pair.First.StartedAt:HH:mm:ss.fff}–{pair.First.FinishedAt:HH:mm:ss.fff}, {pair.Second.Unit.Unit} from {pair.Second.StartedAt:HH:mm:ss.fff}"));
        }
    }

    // The scan, distributed, followed to its end; a scan that does not end within minutes fails with the units' states and the workers' log.
    private static async Task<(int ExitCode, string Output, string Error)> Distributed(FakeAws fake, StoreLocation store, WorkerProcesses workers)
    {
        var scan = Task.Run(() => ScanAwsCommandTests.Kagi([.. Scan(fake), "--distributed", "--store", store.ConnectionString]));
        try
        {
            return await scan.WaitAsync(TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            using var units = DistributedScanStore.Open(store, TimeProvider.System);
            var states = units.Scans().SelectMany(scan => units.Units(scan.Id)).Select(unit => $"{unit.Unit.Unit} {unit.State} {unit.Attempts} {unit.Worker} {unit.ErrorText}");
            Assert.Fail($"the scan did not end within 3 minutes; units:\n{string.Join("\n", states)}\nworkers:\n{workers.Log()}");
            throw;
        }
    }

    private static string[] Scan(FakeAws fake) =>
        ["scan", "aws", "--endpoint-url", fake.Endpoint.ToString(), "--region", Region, "--region", OtherRegion, "--all-accounts", "--role-name", Role];

    // The worker that runs the unit, once it runs it.
    private static async Task<string> RunningUnitWorker(StoreLocation store, string unit)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var units = DistributedScanStore.Open(store, TimeProvider.System);
                if (units.Scans() is [var scan] && units.Units(scan.Id).FirstOrDefault(candidate => candidate.Unit.Unit == unit) is { State: UnitStates.Running, Worker: { } worker })
                {
                    return worker;
                }
            }
            catch (StoreException)
            {
                // Not created yet: the scan command creates the store's tables.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"unit {unit} never ran");
    }

    // "account region rule" of each stored result with the status, read from the store's own table.
    private static List<string> StoredResults(StoreLocation location, string status)
    {
        using var connection = new NpgsqlConnection(location.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT account, region, rule_id FROM scan_results WHERE status = @status", connection);
        command.Parameters.AddWithValue("status", status);
        using var reader = command.ExecuteReader();
        var results = new List<string>();
        while (reader.Read())
        {
            results.Add($"{reader.GetString(0)} {reader.GetString(1)} {reader.GetString(2)}");
        }

        return results;
    }

    private static string Account(int number) => (100000000000L + number).ToString(CultureInfo.InvariantCulture);

    // Accounts with a cluster on a customer key in each region; the slow one answers every call after a second and a half.
    private static FakeOrganization Organization(int accounts, Func<int, FakeRegion?>? broken = null, int slow = -1, bool slowAll = false) => new()
    {
        Management = Member(0, broken, slowAll ? 0 : slow, slowAll),
        Members = [.. Enumerable.Range(1, accounts - 1).Select(number => new FakeMember(Member(number, broken, slowAll ? number : slow, slowAll), $"member-{number}"))],
    };

    private static FakeScenario Member(int number, Func<int, FakeRegion?>? broken, int slow, bool slowAll = false)
    {
        var account = Account(number);
        var latency = number != slow ? 5 : slowAll ? 150 : 1500;
        var scenario = new FakeScenario { Account = account, Latency = TimeSpan.FromMilliseconds(latency) };
        foreach (var region in new[] { Region, OtherRegion })
        {
            var key = $"arn:aws:kms:{region}:{account}:key/{account}-{region}";
            var faults = region == Region ? broken?.Invoke(number)?.Faults ?? [] : [];
            scenario.Regions[region] = new FakeRegion
            {
                Clusters = [new FakeCluster($"cluster-{number}", "neptune", Encrypted: true, key)],
                Keys = [new FakeKey(key)],
                Faults = faults,
            };
        }

        return scenario;
    }
}
