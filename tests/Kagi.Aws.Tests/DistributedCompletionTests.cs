using System.Text.Json;
using Kagi.Cli;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Store;
using Kagi.Store.Distributed;
using Kagi.Testing;

namespace Kagi.Aws.Tests;

/// <summary>The completion of a distributed scan (issue 20): it stores the scan exactly once, then drops what only it needed.</summary>
public sealed class DistributedCompletionTests
{
    private static readonly string[] Request = ["--region", "eu-west-1", "--all-accounts", "--role-name", "KagiReadOnly"];

    private readonly StoreLocation _location = TestStores.NewLocation(StoreKind.Postgres);

    [Fact]
    public async Task A_completion_run_again_after_its_first_run_stored_the_scan_stores_nothing_twice()
    {
        // Given a distributed scan whose units all finished, and whose completion stored it, then died before ending the
        // completion: the scan is stored, and the distributed scan still completing
        var scanId = FinishedScan();
        long storedBeforeTheCrash;
        using (var store = DistributedScanStore.Open(_location, TimeProvider.System))
        using (var findings = FindingStore.Open(_location, TimeProvider.System))
        {
            Assert.True(store.BeginCompletion(scanId));
            storedBeforeTheCrash = findings.SaveDistributedScan(scanId, EmptyScan(), null).Id;
        }

        // When the completion job runs again, as Hangfire retries it
        await Jobs().Complete(scanId, null);

        // Then the store still holds one scan, the one stored before the crash, and the distributed scan is done with it
        using (var findings = FindingStore.OpenForReading(_location, TimeProvider.System))
        {
            Assert.Equal(storedBeforeTheCrash, Assert.Single(findings.Scans()).Id);
        }

        using var units = DistributedScanStore.Open(_location, TimeProvider.System);
        var status = units.Status(scanId)!;
        Assert.Equal((DistributedScanStates.Done, (long?)storedBeforeTheCrash), (status.State, status.StoredScanId));
    }

    [Fact]
    public async Task A_completed_scan_keeps_its_units_but_not_their_inventories()
    {
        // Given a distributed scan whose units all finished with their inventories
        var scanId = FinishedScan();

        // When it completes
        await Jobs().Complete(scanId, null);

        // Then it is stored, its units are still listed with their states and counts, and their inventories are gone
        using var store = DistributedScanStore.Open(_location, TimeProvider.System);
        Assert.Equal(DistributedScanStates.Done, store.Status(scanId)!.State);
        var units = store.Units(scanId);
        Assert.Equal([(ScanJobs.NotesUnit, UnitStates.Done, 0), ("111122223333/eu-west-1", UnitStates.Done, 3)], units.Select(unit => (unit.Unit.Unit, unit.State, unit.Pass)));
        Assert.All(store.ReadUnits(scanId), unit => Assert.Empty(unit.Inventory));
    }

    [Fact]
    public async Task A_completion_that_fails_at_its_last_attempt_fails_the_scan_with_why_and_stores_nothing()
    {
        // Given a distributed scan whose one unit finished with an inventory that cannot be read back (cut short)
        long scanId;
        using (var store = DistributedScanStore.Open(_location, TimeProvider.System))
        {
            scanId = store.CreateScan(JsonSerializer.Serialize(Request));
            store.AddUnits(scanId, [new PlannedUnit("111122223333/eu-west-1", "111122223333", null, "eu-west-1", 1)]);
            var inventory = UnitInventory.Encode(["account 111122223333", "eu-west-1"], new Inventory([], []));
            store.FinishUnit(scanId, "111122223333/eu-west-1", new UnitOutcome(inventory[..(inventory.Length / 2)], 0, 0, 0, 0, null));
        }

        // When its completion runs its last attempt (the worker allows no retry)
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Jobs().Complete(scanId, null));

        // Then the scan is failed, saying why, so whoever follows it stops waiting; and no scan is stored
        using var units = DistributedScanStore.Open(_location, TimeProvider.System);
        var status = units.Status(scanId)!;
        Assert.Equal(DistributedScanStates.Failed, status.State);
        Assert.Contains("completion", status.Failure, StringComparison.Ordinal);
        Assert.Contains(failure.Message, status.Failure, StringComparison.Ordinal);
        Assert.NotNull(status.FinishedAt);
        using var findings = FindingStore.OpenForReading(_location, TimeProvider.System);
        Assert.Empty(findings.Scans());
    }

    // A scan of the notes and one account's unit, both finished with an inventory of no resource.
    private long FinishedScan()
    {
        using var store = DistributedScanStore.Open(_location, TimeProvider.System);
        var scanId = store.CreateScan(JsonSerializer.Serialize(Request));
        store.AddUnits(scanId, [new PlannedUnit(ScanJobs.NotesUnit, "111122223333", null, "*", 0), new PlannedUnit("111122223333/eu-west-1", "111122223333", "main", "eu-west-1", 1)]);
        store.FinishUnit(scanId, ScanJobs.NotesUnit, new UnitOutcome(UnitInventory.Encode([], new Inventory([], [])), 0, 0, 0, 0, null));
        store.FinishUnit(scanId, "111122223333/eu-west-1", new UnitOutcome(UnitInventory.Encode(["account 111122223333", "eu-west-1"], new Inventory([], [])), 3, 0, 0, 0, null));
        Assert.NotEmpty(store.ReadUnits(scanId).Last().Inventory);
        return scanId;
    }

    private ScanJobs Jobs()
    {
        var settings = new WorkerSettings(_location, TimeProvider.System, KagiJobStorage.Open(_location, WorkerSettings.DefaultLease), "test:1", 0, TimeSpan.FromMinutes(1), 1, TextWriter.Null);
        return new ScanJobs(settings, new OutageRetry(settings));
    }

    private static ScanReport EmptyScan() => new()
    {
        Source = ScanSource.Aws,
        Targets = ["account 111122223333", "eu-west-1"],
        StartedAt = DateTimeOffset.UnixEpoch,
        FinishedAt = DateTimeOffset.UnixEpoch,
        Findings = [],
        Diagnostics = [],
        Options = ScanOptions.Default,
    };
}
