using System.Diagnostics;
using System.Globalization;
using Kagi.Core.Findings;
using Kagi.Core.Model;
using Kagi.Core.Rules;
using Kagi.Rules;
using Kagi.Store;
using Npgsql;

// Stores SCANS scans of FINDINGS results each, as one account's daily scans would, into a fresh store, and
// reports the time to store each scan, the store's size, and `findings list` latency on the result.
// Usage: dotnet run -c Release -- sqlite|postgres [SCANS] [FINDINGS] [POSTGRES-CONNECTION-STRING]
var kind = args.Length > 0 && args[0] == "postgres" ? StoreKind.Postgres : StoreKind.Sqlite;
var scans = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var perScan = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 50_000;
var location = kind == StoreKind.Sqlite
    ? new StoreLocation(StoreKind.Sqlite, Path.Combine(Directory.CreateTempSubdirectory("kagi-bench-store-").FullName, "kagi.db"))
    : BenchStores.FreshSchema(args.Length > 3 ? args[3] : Environment.GetEnvironmentVariable("KAGI_TEST_POSTGRES") ?? throw new InvalidOperationException("give a PostgreSQL connection string"), "bench");

var rules = RuleCatalog.All.Select(entry => entry.Metadata).ToArray();
var regions = new[] { "eu-west-1", "us-east-1", "ap-northeast-1", "eu-central-1" };
var timings = new List<double>();
using (var store = FindingStore.Open(location, TimeProvider.System))
{
    for (var scan = 0; scan < scans; scan++)
    {
        var report = Report(scan);
        var watch = Stopwatch.StartNew();
        store.SaveScan(report);
        timings.Add(watch.Elapsed.TotalSeconds);
        if (scan % 10 == 0)
        {
            Console.Error.WriteLine($"scan {scan}: {timings[^1]:F2} s");
        }
    }

    var listAll = Time(() => store.ListFindings(new FindingQuery()).Count, out var all);
    var listFiltered = Time(() => store.ListFindings(new FindingQuery { Region = "eu-west-1", Severity = Severity.Critical }).Count, out var filtered);
    timings.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{kind}: {scans} scans x {perScan} results; store per scan: median {timings[timings.Count / 2]:F2} s, p95 {timings[(int)(timings.Count * 0.95)]:F2} s, max {timings[^1]:F2} s; " +
        $"size {Size(location) / 1024.0 / 1024.0:F0} MiB; findings list: all {all} in {listAll:F2} s, filtered {filtered} in {listFiltered:F3} s"));
}

// Each day about 1% of the failures are fixed and 1% appear: the lifecycle has work to do, as in a real estate.
ScanReport Report(int day)
{
    var findings = new List<Finding>(perScan);
    for (var i = 0; i < perScan; i++)
    {
        var rule = rules[i % rules.Length];
        var region = regions[i / rules.Length % regions.Length];
        var generation = (i % 100) == (day % 100) ? day : 0;
        var resource = new BenchResource
        {
            Id = $"arn:aws:rds:{region}:111122223333:cluster:db-{i}-{generation}",
            Name = Fact.Known($"db-{i}"),
            Region = region,
            Account = "111122223333",
        };
        var status = (i % 7) switch { 0 => ResultStatus.Pass, 1 => ResultStatus.Unknown, _ => ResultStatus.Fail };
        // Evidence of the size real rules record, which the store keeps with each finding's latest result.
        var evidence = new Dictionary<string, string?>
        {
            ["keyLevel"] = "aws-managed",
            ["minKeyLevel"] = "customer",
            ["kmsKeyId"] = $"arn:aws:kms:{region}:111122223333:key/{i:D8}-1111-2222-3333-444455556666",
        };
        findings.Add(new Finding(rule, resource, new RuleResult(status, "fail", evidence)));
    }

    return new ScanReport
    {
        Source = ScanSource.Aws,
        Targets = [.. regions.Prepend("account 111122223333")],
        StartedAt = DateTimeOffset.UtcNow,
        FinishedAt = DateTimeOffset.UtcNow,
        Findings = findings,
        Diagnostics = [],
        Options = ScanOptions.Default,
    };
}

static double Time(Func<int> action, out int count)
{
    action();
    var best = double.MaxValue;
    count = 0;
    for (var run = 0; run < 3; run++)
    {
        var watch = Stopwatch.StartNew();
        count = action();
        best = Math.Min(best, watch.Elapsed.TotalSeconds);
    }

    return best;
}

static long Size(StoreLocation location)
{
    if (location.Kind == StoreKind.Sqlite)
    {
        static long Length(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;
        return Length(location.ConnectionString) + Length(location.ConnectionString + "-wal") + Length(location.ConnectionString + "-shm");
    }

    using var connection = new NpgsqlConnection(location.ConnectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r'";
    return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}

internal sealed record BenchResource : CloudResource
{
    public override ResourceKind Kind => ResourceKind.Named("AWS::Neptune::DBCluster");
}
