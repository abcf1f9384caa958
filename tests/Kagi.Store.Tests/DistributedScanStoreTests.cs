using System.Collections.Concurrent;
using Kagi.Core.Rules;
using Kagi.Store.Distributed;
using Kagi.Testing;
using static Kagi.Store.Tests.Scans;

namespace Kagi.Store.Tests;

/// <summary>Distributed scans on the real PostgreSQL: units written once however often their jobs run, and one completion.</summary>
public sealed class DistributedScanStoreTests
{
    private const string Request = """{"accounts":"all","regions":["eu-west-1","us-east-1"]}""";

    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));
    private readonly StoreLocation _location = TestStores.NewLocation(StoreKind.Postgres);

    [Fact]
    public void Adding_the_same_units_again_changes_neither_the_total_nor_the_units()
    {
        // Given a scan of three units, one already started
        using var store = Open();
        var scan = store.CreateScan(Request);
        var units = Plan(3);
        store.AddUnits(scan, units);
        store.StartUnit(scan, units[1].Unit, "worker-a");
        var before = store.Units(scan);

        // When the planner's job runs again and adds the same units, in another order
        store.AddUnits(scan, [.. Enumerable.Reverse(units)]);

        // Then the total is still three and every unit is as it was: the started one still running
        var status = store.Status(scan)!;
        Assert.Equal((DistributedScanStates.Running, 3), (status.State, status.Units.Total));
        Assert.Equal(before, store.Units(scan));
        Assert.Equal(UnitStates.Running, store.Units(scan)[1].State);
    }

    [Fact]
    public void A_unit_finished_twice_keeps_its_first_outcome()
    {
        // Given a unit that finished with its inventory and counts
        using var store = Open();
        var scan = store.CreateScan(Request);
        var units = Plan(2);
        store.AddUnits(scan, units);
        var first = new UnitOutcome([1, 2, 3], Pass: 4, Fail: 5, Error: 0, Unknown: 1, ErrorText: null);
        Assert.Equal(UnitFinish.Recorded, store.FinishUnit(scan, units[0].Unit, first));

        // When its retried job finishes it again with other results
        var again = store.FinishUnit(scan, units[0].Unit, new UnitOutcome([9, 9], Pass: 7, Fail: 0, Error: 2, Unknown: 0, ErrorText: null));

        // Then nothing changed: one finished unit, with the first outcome's counts and bytes
        Assert.Equal(UnitFinish.AlreadyFinished, again);
        Assert.Equal(1, store.Status(scan)!.Units.Finished);
        var unit = store.Units(scan)[0];
        Assert.Equal((4, 5, 0, 1), (unit.Pass, unit.Fail, unit.Error, unit.Unknown));
        Assert.Equal(first.Inventory, Assert.Single(store.ReadUnits(scan)).Inventory);
    }

    [Fact]
    public async Task Forty_units_finished_twice_from_eight_threads_at_once_complete_exactly_once()
    {
        // Given a scan of 40 units, each to be finished twice, as duplicated jobs would
        var scan = WithStore(store => store.CreateScan(Request));
        var units = Plan(40);
        WithStore(store => store.AddUnits(scan, units));
        var finishes = new ConcurrentQueue<string>(units.Concat(units).Select(unit => unit.Unit).OrderBy(_ => Random.Shared.Next()));

        // When eight workers, each with its own connection, finish them all at the same moment
        using var start = new Barrier(8);
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            using var store = Open();
            var answers = new List<UnitFinish>();
            start.SignalAndWait();
            while (finishes.TryDequeue(out var unit))
            {
                answers.Add(store.FinishUnit(scan, unit, new UnitOutcome([(byte)worker], 1, 0, 0, 0, null)));
            }

            return answers;
        })).ToArray();
        var answers = (await Task.WhenAll(workers)).SelectMany(answer => answer).ToList();

        // Then exactly one finish was the last, every second finish of a unit changed nothing, and all 40 are counted
        Assert.Equal(1, answers.Count(answer => answer == UnitFinish.Last));
        Assert.Equal(39, answers.Count(answer => answer == UnitFinish.Recorded));
        Assert.Equal(40, answers.Count(answer => answer == UnitFinish.AlreadyFinished));
        var status = WithStore(store => store.Status(scan))!;
        Assert.Equal(new UnitCounts(40, 0, 0, 40, 0), status.Units);
    }

    [Fact]
    public void Completion_begins_once_every_unit_reported_is_taken_up_again_by_a_retry_and_ends_with_the_stored_scan()
    {
        // Given a scan whose two units are finished but one
        var scan = WithStore(store => store.CreateScan(Request));
        var units = Plan(2);
        WithStore(store => store.AddUnits(scan, units));
        WithStore(store => store.FinishUnit(scan, units[0].Unit, Outcome(0)));
        Assert.False(WithStore(store => store.BeginCompletion(scan)));
        WithStore(store => store.FinishUnit(scan, units[1].Unit, Outcome(1)));

        // When the completion job begins, and is retried before it ends (its worker died)
        var begun = WithStore(store => store.BeginCompletion(scan));
        var retried = WithStore(store => store.BeginCompletion(scan));

        // Then both take it up, and the scan is completing
        Assert.Equal((true, true), (begun, retried));
        Assert.Equal(DistributedScanStates.Completing, WithStore(store => store.Status(scan))!.State);

        // And when it stores the scan and ends the completion, the scan is done, naming the stored scan and when, and no
        // completion begins again
        var stored = WithFindingStore(findings => findings.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail))));
        _clock.Advance(TimeSpan.FromMinutes(3));
        WithStore(store => store.EndCompletion(scan, stored.Id));
        var status = WithStore(store => store.Status(scan))!;
        Assert.Equal((DistributedScanStates.Done, (long?)stored.Id, (DateTimeOffset?)_clock.Now), (status.State, status.StoredScanId, status.FinishedAt));
        Assert.False(WithStore(store => store.BeginCompletion(scan)));
        Assert.Throws<StoreException>(() => WithStore(store => store.EndCompletion(scan, stored.Id)));

        // And the units are still listed as they finished, without the inventories only the completion needed
        Assert.Equal([UnitStates.Done, UnitStates.Done], WithStore(store => store.Units(scan)).Select(unit => unit.State));
        Assert.All(WithStore(store => store.ReadUnits(scan).ToList()), unit => Assert.Empty(unit.Inventory));
    }

    [Theory]
    [MemberData(nameof(TestStores.Kinds), MemberType = typeof(TestStores))]
    public void A_distributed_scan_is_stored_once_however_often_its_completion_stores_it(StoreKind kind)
    {
        // Given a findings store of either kind
        using var findings = TestStores.Open(kind, _clock);

        // When distributed scan 7 is stored, then stored again with other results (its completion retried), distributed
        // scan 8 is stored, and an ordinary scan twice
        var first = findings.SaveDistributedScan(7, LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail)), null);
        var again = findings.SaveDistributedScan(7, LiveScan(["eu-west-1"], Live("db", ResultStatus.Pass)), null);
        var other = findings.SaveDistributedScan(8, LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail)), null);
        findings.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail)));
        findings.SaveScan(LiveScan(["eu-west-1"], Live("db", ResultStatus.Fail)));

        // Then storing 7 again wrote nothing and gave back its first scan, with its counts; every other scan was stored
        Assert.Equal((first.Id, 1L, 0L), (again.Id, again.Counts[ResultStatus.Fail], again.Counts[ResultStatus.Pass]));
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(4, findings.Scans().Count);
    }

    [Fact]
    public void A_scan_of_no_units_is_ready_to_complete_at_once()
    {
        using var store = Open();
        var scan = store.CreateScan(Request);

        store.AddUnits(scan, []);

        Assert.True(store.BeginCompletion(scan));
        Assert.Empty(store.ReadUnits(scan));
    }

    [Fact]
    public void Finished_units_are_read_whole_in_position_order_one_at_a_time()
    {
        // Given five units planned out of order, each finished with its own 256 KiB of bytes
        using var store = Open();
        var scan = store.CreateScan(Request);
        var units = Plan(5);
        store.AddUnits(scan, [units[3], units[0], units[4], units[2], units[1]]);
        var inventories = units.ToDictionary(unit => unit.Unit, _ => RandomBytes(256 * 1024));
        foreach (var unit in Enumerable.Reverse(units))
        {
            store.FinishUnit(scan, unit.Unit, new UnitOutcome(inventories[unit.Unit], 1, 0, 0, 0, null));
        }

        // When the first unit has been read, the last unit's bytes change in the store, and the store is used meanwhile
        using var reading = store.ReadUnits(scan).GetEnumerator();
        Assert.True(reading.MoveNext());
        var read = new List<FinishedUnit> { reading.Current };
        Assert.Equal(5, store.Status(scan)!.Units.Done);
        inventories[units[4].Unit] = RandomBytes(1024);
        using (var connection = SqlDialect.For(StoreKind.Postgres).Open(_location.ConnectionString))
        {
            new Sql(connection, null).Execute("UPDATE distributed_units SET inventory = @bytes WHERE unit = @unit", ("@bytes", inventories[units[4].Unit]), ("@unit", units[4].Unit));
        }

        while (reading.MoveNext())
        {
            read.Add(reading.Current);
        }

        // Then every unit came in position order with its bytes intact, the last one's as changed: it was not read before
        Assert.Equal(units, read.Select(unit => unit.Unit));
        Assert.All(read, unit => Assert.Equal(inventories[unit.Unit.Unit], unit.Inventory));
    }

    [Fact]
    public void Starting_counts_attempts_and_a_finished_unit_does_not_start_again()
    {
        // Given a unit started by one worker, then retried by another
        using var store = Open();
        var scan = store.CreateScan(Request);
        var units = Plan(2);
        store.AddUnits(scan, units);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(store.StartUnit(scan, units[0].Unit, "worker-a"));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(store.StartUnit(scan, units[0].Unit, "worker-b"));

        // Then it ran twice, lastly on the second worker, and counts once as running
        var unit = store.Units(scan)[0];
        Assert.Equal((UnitStates.Running, 2, "worker-b", (DateTimeOffset?)_clock.Now), (unit.State, unit.Attempts, unit.Worker, unit.StartedAt));
        Assert.Equal(new UnitCounts(2, 1, 1, 0, 0), store.Status(scan)!.Units);

        // When it finishes and a duplicate of its job starts it again
        store.FinishUnit(scan, units[0].Unit, Outcome(0));
        var startedAgain = store.StartUnit(scan, units[0].Unit, "worker-c");

        // Then the duplicate is told not to run, and the unit is as it finished
        Assert.False(startedAgain);
        unit = store.Units(scan)[0];
        Assert.Equal((UnitStates.Done, 2, "worker-b"), (unit.State, unit.Attempts, unit.Worker));
        Assert.Equal(new UnitCounts(2, 1, 0, 1, 0), store.Status(scan)!.Units);
    }

    [Fact]
    public void A_unit_that_failed_for_good_is_an_error_with_its_text_and_counts_toward_completion()
    {
        // Given a scan of two units, one done
        using var store = Open();
        var scan = store.CreateScan(Request);
        var units = Plan(2);
        store.AddUnits(scan, units);
        store.StartUnit(scan, units[1].Unit, "worker-a");
        store.FinishUnit(scan, units[0].Unit, Outcome(0));

        // When the other fails its last retry
        var finish = store.FinishUnit(scan, units[1].Unit, UnitOutcome.Failed("AccessDenied: not authorized to assume the role"));

        // Then it was the last unit, it is an error with its text, and the scan can complete
        Assert.Equal(UnitFinish.Last, finish);
        var failed = store.Units(scan)[1];
        Assert.Equal((UnitStates.Error, "AccessDenied: not authorized to assume the role"), (failed.State, failed.ErrorText));
        Assert.Equal(new UnitCounts(2, 0, 0, 1, 1), store.Status(scan)!.Units);
        Assert.True(store.BeginCompletion(scan));
        Assert.Equal(
            [(UnitStates.Done, (string?)null), (UnitStates.Error, "AccessDenied: not authorized to assume the role")],
            store.ReadUnits(scan).Select(unit => (unit.State, unit.ErrorText)));
    }

    [Fact]
    public void Scans_are_listed_newest_first_with_their_request()
    {
        using var store = Open();
        var older = store.CreateScan(Request);
        _clock.Advance(TimeSpan.FromHours(1));
        var newer = store.CreateScan("{}");

        Assert.Equal([(newer, "{}", _clock.Now), (older, Request, _clock.Now - TimeSpan.FromHours(1))], store.Scans().Select(scan => (scan.Id, scan.Request, scan.CreatedAt)));
        Assert.Equal(DistributedScanStates.Planning, store.Status(newer)!.State);
        Assert.Null(store.Status(newer + 1));
    }

    [Fact]
    public void A_sqlite_store_is_refused_because_workers_cannot_share_it()
    {
        var sqlite = TestStores.NewLocation(StoreKind.Sqlite);

        var refused = Assert.Throws<StoreException>(() => DistributedScanStore.Open(sqlite, TimeProvider.System));

        Assert.Contains("distributed scans need a PostgreSQL store (--store postgres://…)", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(sqlite.ConnectionString));
    }

    private DistributedScanStore Open() => DistributedScanStore.Open(_location, _clock);

    // A short-lived connection per step, as the separate jobs of a distributed scan have.
    private T WithStore<T>(Func<DistributedScanStore, T> step)
    {
        using var store = Open();
        return step(store);
    }

    private void WithStore(Action<DistributedScanStore> step) => WithStore(store =>
    {
        step(store);
        return 0;
    });

    private T WithFindingStore<T>(Func<FindingStore, T> step)
    {
        using var store = FindingStore.Open(_location, _clock);
        return step(store);
    }

    private static PlannedUnit[] Plan(int count) =>
    [
        .. Enumerable.Range(0, count).Select(position =>
        {
            var (account, region) = ((100000000000 + position / 2).ToString(System.Globalization.CultureInfo.InvariantCulture), position % 2 == 0 ? "eu-west-1" : "us-east-1");
            return new PlannedUnit($"{account}/{region}", account, $"account {position / 2}", region, position);
        }),
    ];

    private static UnitOutcome Outcome(byte marker) => new([marker], 1, 0, 0, 0, null);

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }
}
