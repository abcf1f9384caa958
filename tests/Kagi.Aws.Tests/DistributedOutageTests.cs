using Kagi.Aws.Tests.Cli;
using Kagi.Aws.Tests.Fake;
using Kagi.Cli;
using Kagi.Store;
using Kagi.Store.Distributed;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>
/// A distributed scan whose PostgreSQL store stops for ten seconds in its middle (issue 20): the workers and the command
/// that follows the scan wait the outage out, and the scan completes as if nothing had happened. The store is a
/// PostgreSQL of the test's own, since the shared test server must never stop.
/// </summary>
public sealed class DistributedOutageTests
{
    private const int Accounts = 20;

    [Fact]
    public async Task PostgreSQL_stopped_for_ten_seconds_mid_scan_is_waited_out_and_every_unit_is_recorded_once()
    {
        // Given 20 accounts of 4 regions answering each call after 100 ms, scanned first by one process alone
        ExternalProcess.UseDummyCredentials();
        await using var fake = await FakeAws.StartAsync(DistributedScanTests.Organization(Accounts, TimeSpan.FromMilliseconds(100)));
        var alone = TestStores.NewLocation(StoreKind.Postgres);
        var aloneExit = ScanAwsCommandTests.Kagi([.. DistributedScanTests.Scan(fake), "--quiet", "--store", alone.ConnectionString]).ExitCode;

        // When three workers run it distributed, and their PostgreSQL is stopped once five units are done, then started
        // again ten seconds later
        using var postgres = PrivatePostgres.Create();
        using var workers = new WorkerProcesses(postgres.Location, count: 3);
        var scan = Task.Run(() => ScanAwsCommandTests.Kagi([.. DistributedScanTests.Scan(fake), "--distributed", "--store", postgres.Location.ConnectionString]));
        var finishedBeforeStop = await FinishedUnits(postgres.Unpooled, atLeast: 5);
        postgres.Stop();
        await Task.Delay(TimeSpan.FromSeconds(10));
        postgres.Start();
        var (exitCode, output, error) = await scan.WaitAsync(TimeSpan.FromMinutes(4));

        // Then the store stopped in the middle of the scan, which completes as the lone process's did, stored once
        var total = Accounts * DistributedScanTests.Regions.Length + 1;
        Assert.InRange(finishedBeforeStop, 5, total - 1);
        Assert.True(exitCode == aloneExit, error + workers.Log());
        Assert.Contains("stored as scan", output, StringComparison.Ordinal);
        using (var findings = FindingStore.OpenForReading(postgres.Unpooled, TimeProvider.System))
        {
            Assert.Single(findings.Scans());
        }

        Assert.Equal(DistributedScanTests.Findings(alone), DistributedScanTests.Findings(postgres.Unpooled));

        // And every unit is done and counted once: no unit lost, none counted twice
        using var units = DistributedScanStore.Open(postgres.Unpooled, TimeProvider.System);
        var distributed = Assert.Single(units.Scans());
        Assert.Equal(new UnitCounts(total, 0, 0, total, 0), distributed.Units);
        var all = units.Units(distributed.Id);
        Assert.Equal(total, all.Count);
        Assert.All(all, unit => Assert.Equal(UnitStates.Done, unit.State));
        Assert.All(all.Where(unit => unit.Unit.Unit != ScanJobs.NotesUnit), unit => Assert.Equal(1, unit.Attempts));

        // And the follower and the workers said that the store was out of reach and that they were waiting, in lines, not stack traces
        Assert.Contains("cannot be reached", error, StringComparison.Ordinal);
        var log = workers.Log();
        Assert.Contains("cannot reach the store", log, StringComparison.Ordinal);
        Assert.Contains("reached the store", log, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", log, StringComparison.Ordinal);
    }

    // How many units were finished once at least that many were.
    private static async Task<int> FinishedUnits(StoreLocation store, int atLeast)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            try
            {
                using var units = DistributedScanStore.Open(store, TimeProvider.System);
                if (units.Scans() is [var scan] && scan.Units.Finished >= atLeast)
                {
                    return scan.Units.Finished;
                }
            }
            catch (StoreException)
            {
                // Not created yet: the scan command creates the store's tables.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{atLeast} units were never finished");
    }
}
