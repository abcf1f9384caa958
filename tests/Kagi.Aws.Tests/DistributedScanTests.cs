using System.Globalization;
using Kagi.Aws.Tests.Cli;
using Kagi.Aws.Tests.Fake;
using Kagi.Rules.Aws.DynamoDb.Tables;
using Kagi.Store;
using Kagi.Store.Distributed;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>
/// Distributed scans (issue 20) on the real parts: a PostgreSQL store, three <c>kagi worker</c> processes, the fake
/// organization. Every unit is done exactly once and the stored findings are those of the same organization scanned by
/// one process; and no account, region and service is called harder than one process's scan would call it.
/// </summary>
public sealed class DistributedScanTests
{
    private const string Role = "KagiReadOnly";
    private const int Accounts = 50;

    // AwsScanner.MaxCallsInFlightPerService: a unit's bound per service, in its account and region.
    private const int CallsPerService = 10;

    // kagi worker --units-per-account, at its default.
    private const int UnitsPerAccount = 2;
    internal static readonly string[] Regions = ["eu-west-1", "eu-central-1", "us-east-1", "ap-northeast-1"];

    [Fact]
    public async Task Three_workers_do_every_unit_once_and_store_what_one_process_stores()
    {
        // Given an organization of 50 accounts with a cluster in each of 4 regions (every other one on an AWS key)
        ExternalProcess.UseDummyCredentials();
        await using var fake = await FakeAws.StartAsync(Organization(Accounts, TimeSpan.FromMilliseconds(5)));
        var scan = Scan(fake);

        // When one process scans it into one store, and three workers scan it into another, distributed
        var alone = TestStores.NewLocation(StoreKind.Postgres);
        var (aloneExit, _, aloneError) = ScanAwsCommandTests.Kagi([.. scan, "--quiet", "--format", "json", "--store", alone.ConnectionString]);
        var distributed = TestStores.NewLocation(StoreKind.Postgres);
        using var workers = new WorkerProcesses(distributed, count: 3);
        var (exitCode, output, error) = ScanAwsCommandTests.Kagi([.. scan, "--distributed", "--store", distributed.ConnectionString]);

        // Then both exit 1 (half the clusters fail) and store the same findings with the same states and statuses
        Assert.True(aloneExit == 1, aloneError);
        Assert.True(exitCode == 1, error + workers.Log());
        Assert.Contains("stored as scan", output, StringComparison.Ordinal);
        Assert.Equal(Findings(alone), Findings(distributed));
        Assert.Equal(Accounts * Regions.Length / 2, Findings(distributed).Count(finding => finding.EndsWith("neptune-cluster-cmk-encryption New Fail", StringComparison.Ordinal)));

        // And every unit (an account × a region, and the scan's notes) is done once, with no error, by more than one worker
        using var units = DistributedScanStore.Open(distributed, TimeProvider.System);
        var scanId = Assert.Single(units.Scans()).Id;
        var done = units.Units(scanId);
        Assert.Equal(Accounts * Regions.Length + 1, done.Count);
        Assert.All(done, unit => Assert.Equal("done", unit.State));
        Assert.True(done.Select(unit => unit.Worker).Distinct().Count() >= 2, $"units ran on {string.Join(", ", done.Select(unit => unit.Worker).Distinct())}");
    }

    [Fact]
    public async Task Service_groups_split_each_region_into_units_that_together_store_what_one_process_stores()
    {
        // Given an organization of 8 accounts with a cluster in each of 4 regions (every other one on an AWS key)
        ExternalProcess.UseDummyCredentials();
        await using var fake = await FakeAws.StartAsync(Organization(8, TimeSpan.FromMilliseconds(5)));
        var scan = Scan(fake);

        // When one process scans it, and three workers scan it with each account × region split in three by service
        var alone = TestStores.NewLocation(StoreKind.Postgres);
        var (aloneExit, _, aloneError) = ScanAwsCommandTests.Kagi([.. scan, "--quiet", "--format", "json", "--store", alone.ConnectionString]);
        var distributed = TestStores.NewLocation(StoreKind.Postgres);
        using var workers = new WorkerProcesses(distributed, count: 3);
        var (exitCode, _, error) = ScanAwsCommandTests.Kagi([.. scan, "--distributed", "--service-groups", "3", "--store", distributed.ConnectionString]);

        // Then the stored findings are the same, states and statuses too
        Assert.True(aloneExit == 1, aloneError);
        Assert.True(exitCode == 1, error + workers.Log());
        Assert.Equal(Findings(alone), Findings(distributed));

        // And every account × region was three units, each done once, named by its part
        using var units = DistributedScanStore.Open(distributed, TimeProvider.System);
        var done = units.Units(Assert.Single(units.Scans()).Id);
        Assert.Equal((8 * Regions.Length * 3) + 1, done.Count);
        Assert.All(done, unit => Assert.Equal("done", unit.State));
        Assert.Equal(8 * Regions.Length, done.Count(unit => unit.Unit.Unit.EndsWith("/2-of-3", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1000")]
    public void A_service_group_count_that_cannot_split_the_services_is_refused_before_anything_is_enqueued(string groups)
    {
        // Given a PostgreSQL store no worker serves
        var store = TestStores.NewLocation(StoreKind.Postgres);

        // When a distributed scan asks for no group, or more groups than there are services
        var (exitCode, _, error) = ScanAwsCommandTests.Kagi(["scan", "aws", "--region", "eu-west-1", "--all-accounts", "--role-name", Role, "--distributed", "--service-groups", groups, "--store", store.ConnectionString]);

        // Then it is bad input, said by name, and no scan was enqueued
        Assert.Equal(2, exitCode);
        Assert.Contains("--service-groups", error, StringComparison.Ordinal);
        using var units = DistributedScanStore.Open(store, TimeProvider.System);
        Assert.Empty(units.Scans());
    }

    [Fact]
    public async Task Three_workers_call_no_account_region_and_service_harder_than_one_scan_does()
    {
        // Given 6 accounts, each with 30 DynamoDB tables (a describe each) in each of 4 regions, answering after 20 ms
        ExternalProcess.UseDummyCredentials();
        await using var fake = await FakeAws.StartAsync(TablesOrganization(accounts: 6, tables: 30));
        var store = TestStores.NewLocation(StoreKind.Postgres);

        // When three workers of 4 threads each scan it, distributed
        using var workers = new WorkerProcesses(store, count: 3);
        var (_, output, error) = ScanAwsCommandTests.Kagi([
            "scan", "aws", "--endpoint-url", fake.Endpoint.ToString(), .. Regions.SelectMany(region => new[] { "--region", region }),
            "--all-accounts", "--role-name", Role, "--distributed", "--store", store.ConnectionString]);
        Assert.True(output.Contains("stored as scan", StringComparison.Ordinal), error + workers.Log());

        // Then no account × region × service had more calls in flight than the bound of one scan, which DynamoDB reached;
        // the caller's STS is left out: every unit assumes its role there, whatever the account it scans
        var most = fake.InFlight.Most.Where(pair => !(pair.Key.Account == Caller && pair.Key.Service == "sts")).ToList();
        var perRegion = most.Where(pair => pair.Key.Region != FakeCallsInFlight.AllRegions).ToList();
        Assert.All(perRegion, pair => Assert.True(pair.Value <= CallsPerService, $"{pair.Key}: {pair.Value} in flight"));
        Assert.Equal(CallsPerService, perRegion.Where(pair => pair.Key.Service == "dynamodb").Max(pair => pair.Value));

        // And no account × service over all its regions had more than its slots × that bound, though units of one account
        // did run at once (more than one unit's bound in flight)
        var perAccount = most.Where(pair => pair.Key.Region == FakeCallsInFlight.AllRegions).ToList();
        Assert.All(perAccount, pair => Assert.True(pair.Value <= UnitsPerAccount * CallsPerService, $"{pair.Key}: {pair.Value} in flight"));
        Assert.True(perAccount.Max(pair => pair.Value) > CallsPerService, string.Join(", ", perAccount.Select(pair => $"{pair.Key}: {pair.Value}")));
    }

    /// <summary>Each tracked finding as "resource rule state status", sorted: what a scan leaves in the store.</summary>
    internal static List<string> Findings(StoreLocation location)
    {
        using var store = FindingStore.OpenForReading(location, TimeProvider.System);
        return [.. store.ListFindings(new FindingQuery()).Select(finding => $"{finding.ResourceId} {finding.RuleId} {finding.State} {finding.LastStatus}").Order(StringComparer.Ordinal)];
    }

    /// <summary><c>kagi scan aws</c> of the fake organization's accounts in every region of <see cref="Regions"/>.</summary>
    internal static string[] Scan(FakeAws fake) =>
        ["scan", "aws", "--endpoint-url", fake.Endpoint.ToString(), .. Regions.SelectMany(region => new[] { "--region", region }), "--all-accounts", "--role-name", Role];

    /// <summary>An organization of <paramref name="accounts"/> accounts, each with a cluster in every region, on a customer key in every other one.</summary>
    internal static FakeOrganization Organization(int accounts, TimeSpan latency) => new()
    {
        Management = Account(0, latency),
        Members = [.. Enumerable.Range(1, accounts - 1).Select(number => new FakeMember(Account(number, latency), $"member-{number:D2}"))],
        PageSize = 20,
    };

    private static string Caller => AccountId(0);

    // Every account with the same number of DynamoDB tables in every region, on no customer key.
    private static FakeOrganization TablesOrganization(int accounts, int tables)
    {
        var scenarios = Enumerable.Range(0, accounts).Select(number => new FakeScenario
        {
            Account = AccountId(number),
            Latency = TimeSpan.FromMilliseconds(20),
            Regions = Regions.ToDictionary(
                region => region,
                region => new FakeRegion { Stores = [.. Enumerable.Range(0, tables).Select(table => new FakeStore(DynamoDbTable.Descriptor.Type, $"table-{number}-{table}"))] },
                StringComparer.Ordinal),
        }).ToList();
        return new()
        {
            Management = scenarios[0],
            Members = [.. scenarios.Skip(1).Select((scenario, index) => new FakeMember(scenario, $"member-{index + 1}"))],
        };
    }

    private static string AccountId(int number) => (100000000000L + number).ToString(CultureInfo.InvariantCulture);

    private static FakeScenario Account(int number, TimeSpan latency)
    {
        var account = AccountId(number);
        var scenario = new FakeScenario { Account = account, Latency = latency };
        foreach (var (region, index) in Regions.Select((region, index) => (region, index)))
        {
            var onCustomerKey = (number + index) % 2 == 0;
            var key = onCustomerKey ? $"arn:aws:kms:{region}:{account}:key/{account}-{index}" : $"arn:aws:kms:{region}:{account}:key/aws-managed-{index}";
            scenario.Regions[region] = new FakeRegion
            {
                Clusters = [new FakeCluster($"cluster-{number}-{index}", "neptune", Encrypted: true, key)],
                Keys = [onCustomerKey ? new FakeKey(key) : new FakeKey(key, Manager: "AWS", Alias: "alias/aws/rds")],
            };
        }

        return scenario;
    }
}
