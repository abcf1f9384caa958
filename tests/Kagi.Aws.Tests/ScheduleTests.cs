using System.Globalization;
using System.Text.Json;
using Hangfire;
using Kagi.Aws.Tests.Cli;
using Kagi.Aws.Tests.Fake;
using Kagi.Cli;
using Kagi.Store;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>
/// <c>kagi schedule add|list|remove</c> (issue 20) on a real PostgreSQL store: recurring distributed scans kept as
/// Hangfire recurring jobs, whose runs workers scan and store.
/// </summary>
public sealed class ScheduleTests
{
    private const string Cron = "0 3 * * *";
    private static readonly string[] Scan = ["scan", "aws", "--region", "eu-west-1", "--all-accounts", "--role-name", "KagiReadOnly"];

    [Fact]
    public void An_added_schedule_is_listed_with_its_cron_and_next_run_until_it_is_removed()
    {
        // Given a PostgreSQL store
        var store = TestStores.NewLocation(StoreKind.Postgres);

        // When a nightly scan is scheduled under a name, with --distributed among its options
        var (addExit, added, addError) = ScanAwsCommandTests.Kagi(["schedule", "add", Cron, "--name", "nightly", "--store", store.ConnectionString, "--", .. Scan, "--distributed"]);

        // Then it is listed with its cron in UTC, its scan without --distributed, and a next run at 03:00 UTC
        Assert.True(addExit == 0, addError);
        Assert.Contains("schedule nightly added, its cron read in UTC", added, StringComparison.Ordinal);
        var schedule = Assert.Single(List(store).EnumerateArray());
        Assert.Equal("nightly", schedule.GetProperty("id").GetString());
        Assert.Equal(Cron, schedule.GetProperty("cron").GetString());
        Assert.Equal("UTC", schedule.GetProperty("timeZone").GetString());
        Assert.Equal(Scan[2..], schedule.GetProperty("arguments").EnumerateArray().Select(argument => argument.GetString()));
        var nextRun = schedule.GetProperty("nextRun").GetDateTime();
        Assert.Equal((3, 0), (nextRun.Hour, nextRun.Minute));
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("lastScan").ValueKind);

        // When it is removed, then removed again
        var (removeExit, removed, removeError) = ScanAwsCommandTests.Kagi(["schedule", "remove", "nightly", "--store", store.ConnectionString]);
        var (againExit, _, againError) = ScanAwsCommandTests.Kagi(["schedule", "remove", "nightly", "--store", store.ConnectionString]);

        // Then it is no longer listed, and a second removal is refused as an unknown id
        Assert.True(removeExit == 0, removeError);
        Assert.Contains("schedule nightly removed", removed, StringComparison.Ordinal);
        Assert.Empty(List(store).EnumerateArray());
        Assert.Equal(2, againExit);
        Assert.Contains("there is no schedule nightly", againError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_cron_and_a_scan_of_no_accounts_are_refused()
    {
        // Given a PostgreSQL store
        var store = TestStores.NewLocation(StoreKind.Postgres);

        // When a schedule is added with a cron of four fields, and one whose scan names no accounts
        var (cronExit, _, cronError) = ScanAwsCommandTests.Kagi(["schedule", "add", "0 3 * *", "--store", store.ConnectionString, "--", .. Scan]);
        var (accountsExit, _, accountsError) = ScanAwsCommandTests.Kagi(["schedule", "add", Cron, "--store", store.ConnectionString, "--", "scan", "aws", "--region", "eu-west-1"]);

        // Then both are refused with exit 2, saying why, and nothing is scheduled
        Assert.Equal(2, cronExit);
        Assert.Contains("the cron expression '0 3 * *' does not read", cronError, StringComparison.Ordinal);
        Assert.Equal(2, accountsExit);
        Assert.Contains("a distributed scan is of accounts", accountsError, StringComparison.Ordinal);
        Assert.Empty(List(store).EnumerateArray());
    }

    [Fact]
    public void A_schedule_in_a_time_zone_runs_at_that_zones_hour_and_lists_its_zone()
    {
        // Given a PostgreSQL store
        var store = TestStores.NewLocation(StoreKind.Postgres);

        // When a scan is scheduled at 03:00 in Tokyo, which keeps no daylight saving time
        var (addExit, added, addError) = ScanAwsCommandTests.Kagi(["schedule", "add", Cron, "--name", "tokyo", "--time-zone", "Asia/Tokyo", "--store", store.ConnectionString, "--", .. Scan]);

        // Then its next run is at 18:00 UTC, the day before, and the list shows its zone, in JSON and in the table
        Assert.True(addExit == 0, addError);
        Assert.Contains("its cron read in Asia/Tokyo; its next run is at ", added, StringComparison.Ordinal);
        var schedule = Assert.Single(List(store).EnumerateArray());
        Assert.Equal("Asia/Tokyo", schedule.GetProperty("timeZone").GetString());
        var nextRun = schedule.GetProperty("nextRun").GetDateTime();
        Assert.Equal((18, 0), (nextRun.Hour, nextRun.Minute));
        var (listExit, table, listError) = ScanAwsCommandTests.Kagi(["schedule", "list", "--store", store.ConnectionString]);
        Assert.True(listExit == 0, listError);
        Assert.Contains("TIME ZONE", table, StringComparison.Ordinal);
        Assert.Matches(@"tokyo\s+0 3 \* \* \*\s+Asia/Tokyo\s", table);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_by_its_name()
    {
        // Given a PostgreSQL store
        var store = TestStores.NewLocation(StoreKind.Postgres);

        // When a schedule is added in a zone no time zone database has
        var (exitCode, _, error) = ScanAwsCommandTests.Kagi(["schedule", "add", Cron, "--time-zone", "Mars/Olympus_Mons", "--store", store.ConnectionString, "--", .. Scan]);

        // Then it is refused with exit 2, naming the zone, and nothing is scheduled
        Assert.Equal(2, exitCode);
        Assert.Contains("--time-zone: 'Mars/Olympus_Mons' is not a time zone this machine knows", error, StringComparison.Ordinal);
        Assert.Empty(List(store).EnumerateArray());
    }

    [Fact]
    public async Task A_scheduled_scan_run_now_is_scanned_by_the_workers_and_stored()
    {
        // Given an organization of three accounts, a schedule of its scan, and two workers on the store
        ExternalProcess.UseDummyCredentials();
        await using var fake = await FakeAws.StartAsync(Organization());
        var store = TestStores.NewLocation(StoreKind.Postgres);
        var (addExit, _, addError) = ScanAwsCommandTests.Kagi(["schedule", "add", Cron, "--name", "nightly", "--store", store.ConnectionString, "--", .. Scan, "--endpoint-url", fake.Endpoint.ToString()]);
        Assert.True(addExit == 0, addError);
        using var workers = new WorkerProcesses(store, count: 2);

        // When it is triggered now
        new RecurringJobManager(KagiJobStorage.Open(store, WorkerSettings.DefaultLease)).Trigger("nightly");

        // Then its run is stored as a scan of the three accounts, which the schedule lists as its last
        var lastScan = await LastScanAsync(store, TimeSpan.FromMinutes(2));
        Assert.True(lastScan is not null, workers.Log());
        using var findings = FindingStore.OpenForReading(store, TimeProvider.System);
        var stored = Assert.Single(findings.Scans());
        Assert.Equal(lastScan, stored.Id);
        Assert.Equal(3, findings.ListFindings(new FindingQuery()).Select(finding => finding.AccountLabel).Distinct().Count());
    }

    private static async Task<long?> LastScanAsync(StoreLocation store, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (List(store).EnumerateArray().Single().GetProperty("lastScan") is { ValueKind: JsonValueKind.Number } scan)
            {
                return scan.GetInt64();
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        return null;
    }

    private static JsonElement List(StoreLocation store)
    {
        var (exitCode, output, error) = ScanAwsCommandTests.Kagi(["schedule", "list", "--format", "json", "--store", store.ConnectionString]);
        Assert.True(exitCode == 0, error);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    private static FakeOrganization Organization() => new()
    {
        Management = Account(0),
        Members = [new FakeMember(Account(1), "member-1"), new FakeMember(Account(2), "member-2")],
    };

    private static FakeScenario Account(int number)
    {
        var account = (200000000000L + number).ToString(CultureInfo.InvariantCulture);
        var key = $"arn:aws:kms:eu-west-1:{account}:key/{account}";
        var scenario = new FakeScenario { Account = account };
        scenario.Regions["eu-west-1"] = new FakeRegion
        {
            Clusters = [new FakeCluster($"cluster-{number}", "neptune", Encrypted: true, key)],
            Keys = [new FakeKey(key)],
        };
        return scenario;
    }
}
