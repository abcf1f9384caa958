using System.Diagnostics;
using System.Globalization;
using Kagi.Aws;
using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Rules;
using Kagi.Rules.Aws.Neptune.Clusters;

// A live scan of a large estate against the fake with latency: wall time against the critical-path bound,
// API calls against the minimum. Usage: dotnet run -c Release --project bench/aws -- [regions] [clusters] [keys] [latency-ms] [runs]
var regions = Argument(0, 17);
var clustersPerRegion = Argument(1, 500);
var keysPerRegion = Argument(2, 50);
var latency = TimeSpan.FromMilliseconds(Argument(3, 50));
var runs = Argument(4, 3);

foreach (var (name, value) in new Dictionary<string, string>
{
    ["AWS_ACCESS_KEY_ID"] = "bench",
    ["AWS_SECRET_ACCESS_KEY"] = "bench",
    ["AWS_EC2_METADATA_DISABLED"] = "true",
})
{
    Environment.SetEnvironmentVariable(name, value);
}

var pages = (clustersPerRegion + 99) / 100;
// Per region: the cluster pages, one (empty) snapshot page, ListAliases; per key: DescribeKey, GetKeyRotationStatus,
// GetKeyPolicy (all the bench's keys are the account's own CMKs).
var minimumCalls = 2 + (regions * (pages + 1 + 1 + (3 * keysPerRegion)));

// STS and DescribeRegions, then the slowest region's pages one after another, then the last page's key lookups
// (DescribeKey, then GetKeyRotationStatus and GetKeyPolicy together); ListAliases and the other lookups overlap the pages.
var bound = latency * (2 + pages + 2);

Console.WriteLine($"estate: {regions} regions x {clustersPerRegion} Neptune clusters x {keysPerRegion} keys, {latency.TotalMilliseconds} ms latency per call");
var results = await MeasureAsync(latency);

// The same scan with no latency: what the scanner and the fake cost in CPU on this machine, which no overlap can hide.
var floor = (await MeasureAsync(TimeSpan.Zero)).Min(r => r.Wall);

var best = results.MinBy(r => r.Wall);
var median = results.OrderBy(r => r.Wall).ElementAt(results.Count / 2);
Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| estate | {regions} regions x {clustersPerRegion} clusters x {keysPerRegion} keys, {latency.TotalMilliseconds} ms per call, {Environment.ProcessorCount} cores |");
Console.WriteLine($"| critical-path bound | {bound.TotalMilliseconds:F0} ms (STS + DescribeRegions + {pages} pages + 2 key round trips) |");
Console.WriteLine($"| CPU floor (same scan, no latency) | {floor.TotalMilliseconds:F0} ms |");
Console.WriteLine($"| wall time, best / median of {runs} | {best.Wall.TotalMilliseconds:F0} ms / {median.Wall.TotalMilliseconds:F0} ms |");
Console.WriteLine($"| wall time / bound | {Ratio(best.Wall, bound)}x / {Ratio(median.Wall, bound)}x |");
Console.WriteLine($"| wall time / max(bound, CPU floor) | {Ratio(best.Wall, Max(bound, floor))}x / {Ratio(median.Wall, Max(bound, floor))}x |");
Console.WriteLine($"| API calls / minimum | {best.Calls} / {minimumCalls} |");
Console.WriteLine($"| repeated calls (same action, region and key or page) | {best.Redundant} |");
return 0;

async Task<List<(TimeSpan Wall, int Calls, int Redundant)>> MeasureAsync(TimeSpan callLatency)
{
    var measured = new List<(TimeSpan Wall, int Calls, int Redundant)>();
    for (var run = 0; run <= runs; run++)
    {
        await using var fake = await FakeAws.StartAsync(Scenario(regions, clustersPerRegion, keysPerRegion, callLatency));
        var scan = new LiveScan(KindCatalog.LiveCollectors, Environment.GetEnvironmentVariable, TimeProvider.System, new NoProgress());
        var watch = Stopwatch.StartNew();
        var result = await scan.RunAsync(new LiveScanOptions { AllRegions = true, EndpointUrl = fake.Endpoint, Regions = ["us-east-1"] }, CancellationToken.None);
        watch.Stop();
        var clusters = result.Inventory.Resources.OfType<NeptuneCluster>().Count();
        if (clusters != regions * clustersPerRegion || result.Inventory.Unscanned.Count > 0)
        {
            throw new InvalidOperationException($"the scan saw {clusters} clusters and {result.Inventory.Unscanned.Count} unread scopes");
        }

        var redundant = fake.Calls.GroupBy(call => call).Sum(group => group.Count() - 1);
        if (run > 0)
        {
            // Run 0 warms up the JIT and the connection pools.
            measured.Add((watch.Elapsed, fake.Calls.Count, redundant));
            Console.WriteLine($"{callLatency.TotalMilliseconds} ms latency, run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms, {fake.Calls.Count} calls ({redundant} repeated)");
        }
    }

    return measured;
}

static string Ratio(TimeSpan wall, TimeSpan bound) => (wall / bound).ToString("F2", CultureInfo.InvariantCulture);

static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

int Argument(int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static FakeScenario Scenario(int regions, int clusters, int keys, TimeSpan latency)
{
    var scenario = new FakeScenario { Latency = latency };
    foreach (var region in RegionNames().Take(regions))
    {
        var regionKeys = Enumerable.Range(1, keys).Select(number => new FakeKey(Scenarios.KeyArn(region, number))).ToList();
        scenario.Regions[region] = new FakeRegion
        {
            Keys = regionKeys,
            Clusters = [.. Enumerable.Range(0, clusters).Select(i => new FakeCluster($"graph-{i:D4}", "neptune", true, regionKeys[i % keys].Arn))],
        };
    }

    return scenario;
}

static IEnumerable<string> RegionNames() =>
[
    "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-west-1", "eu-west-2", "eu-west-3",
    "eu-central-1", "eu-north-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-southeast-1", "ap-southeast-2", "ap-south-1",
    "af-south-1", "me-south-1", "eu-south-1",
];

/// <summary>The bench measures the scan, not a display.</summary>
internal sealed class NoProgress : IScanProgress
{
    public void RegionStarted(string region)
    {
    }

    public void CallFinished(string region, AwsService service, string call, bool succeeded)
    {
    }

    public void ResourcesFound(string region, int count)
    {
    }

    public void RegionFinished(string region, int failures)
    {
    }
}
