using System.Globalization;
using Kagi.Aws.Tests.Cli;
using Kagi.Aws.Tests.Fake;
using Kagi.Store;
using Kagi.Store.Distributed;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>
/// Distributed scans (issue 20) on the real parts: a PostgreSQL store, three <c>kagi worker</c> processes, the fake
/// organization. Every unit is done exactly once and the stored findings are those of the same organization scanned by
/// one process.
/// </summary>
public sealed class DistributedScanTests
{
    private const string Role = "KagiReadOnly";
    private const int Accounts = 50;
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

    private static FakeScenario Account(int number, TimeSpan latency)
    {
        var account = (100000000000L + number).ToString(CultureInfo.InvariantCulture);
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
