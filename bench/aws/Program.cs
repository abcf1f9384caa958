using System.Diagnostics;
using System.Globalization;
using Kagi.Aws;
using Kagi.Aws.Tests.Fake;
using Kagi.Core.Model;
using Kagi.Rules;

// A live scan of a large estate — every kind Kagi collects, in every region — against the fake with latency: wall time,
// CPU time, peak memory, and the API calls made by action. Usage: bench/aws/run.sh [regions] [per-kind] [keys] [latency-ms] [runs]
// The fake runs in a child process (this program with --serve), so the scanner's CPU time and memory are measured alone.
if (args is ["--serve", ..])
{
    return await FakeProcess.ServeAsync(args[1..]);
}

foreach (var (name, value) in new Dictionary<string, string>
{
    ["AWS_ACCESS_KEY_ID"] = "bench",
    ["AWS_SECRET_ACCESS_KEY"] = "bench",
    ["AWS_EC2_METADATA_DISABLED"] = "true",
})
{
    Environment.SetEnvironmentVariable(name, value);
}

if (args is ["org-cli", ..])
{
    return await OrganizationCliBench.RunAsync(args[1..]);
}

if (args is ["distributed", ..])
{
    return await DistributedBench.RunAsync(args[1..]);
}

if (args is ["org", ..])
{
    return await OrganizationBench.RunAsync(args[1..]);
}

var regions = Argument(0, 17);
var perKind = Argument(1, 300);
var keysPerRegion = Argument(2, 60);
var latency = TimeSpan.FromMilliseconds(Argument(3, 50));
var runs = Argument(4, 3);

var estate = new BenchEstate(regions, perKind, keysPerRegion);
Console.WriteLine($"estate: {regions} regions x {BenchEstate.Kinds.Count} kinds x {perKind} resources x {keysPerRegion} keys = {estate.Resources:N0} resources, {latency.TotalMilliseconds} ms latency per call, {Environment.ProcessorCount} cores");
var results = await MeasureAsync(latency);

// The same scan with no latency: what the scanner and the fake cost in CPU on this machine, which no overlap can hide.
var floor = (await MeasureAsync(TimeSpan.Zero)).Min(r => r.Wall);

var best = results.MinBy(r => r.Wall)!;
var median = results.OrderBy(r => r.Wall).ElementAt(results.Count / 2);
Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| estate | {regions} regions x {BenchEstate.Kinds.Count} kinds x {perKind} resources x {keysPerRegion} keys ({estate.Resources:N0} resources), {latency.TotalMilliseconds} ms per call |");
Console.WriteLine($"| wall time, best / median of {runs} | {best.Wall.TotalSeconds:F2} s / {median.Wall.TotalSeconds:F2} s |");
Console.WriteLine($"| CPU time of the scanner, best run | {best.Cpu.TotalSeconds:F2} s |");
Console.WriteLine($"| CPU time of the fake (its own process), best run | {best.Served.CpuMilliseconds / 1000:F2} s |");
Console.WriteLine($"| CPU floor: wall time of the same scan with no latency | {floor.TotalSeconds:F2} s |");
Console.WriteLine($"| peak RSS of the scanner's process | {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024):N0} MiB |");
Console.WriteLine($"| API calls | {best.Served.Calls:N0} |");
Console.WriteLine($"| repeated calls (same action, region and key or page) | {best.Served.Repeated} |");
Console.WriteLine($"| DescribeKey calls / distinct keys | {best.Served.CallsByAction.GetValueOrDefault("kms DescribeKey"):N0} / {regions * keysPerRegion:N0} |");
Console.WriteLine();
Console.WriteLine("| service | action | calls (best run) |");
Console.WriteLine("| --- | --- | --- |");
foreach (var (action, count) in best.Served.CallsByAction.OrderBy(pair => pair.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"| {action.Replace(" ", " | ", StringComparison.Ordinal)} | {count:N0} |");
}

return best.Served.Repeated == 0 ? 0 : 1;

async Task<List<Measured>> MeasureAsync(TimeSpan callLatency)
{
    var measured = new List<Measured>();
    using var fake = new FakeProcess([regions, perKind, keysPerRegion, (int)callLatency.TotalMilliseconds]);
    for (var run = 0; run <= runs; run++)
    {
        var endpoint = await fake.StartAsync();
        var scan = new LiveScan(KindCatalog.LiveCollectors, Environment.GetEnvironmentVariable, TimeProvider.System, new SilentProgress());
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var watch = Stopwatch.StartNew();
        var result = await scan.RunAsync(new LiveScanOptions { AllRegions = true, EndpointUrl = endpoint, Regions = ["us-east-1"] }, CancellationToken.None);
        watch.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        paused = GC.GetTotalPauseDuration() - paused;
        var gcs = string.Join('/', Enumerable.Range(0, 3).Select(generation => GC.CollectionCount(generation) - collections[generation]));
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        estate.Check(result.Inventory);
        var served = await fake.StopAsync();
        if (run > 0)
        {
            // Run 0 warms up the JIT and the connection pools.
            measured.Add(new(watch.Elapsed, cpu, served));
            Console.WriteLine($"{callLatency.TotalMilliseconds} ms latency, run {run}: {watch.Elapsed.TotalMilliseconds:F0} ms wall, scanner {cpu.TotalMilliseconds:F0} ms CPU, fake {served.CpuMilliseconds:F0} ms CPU, {served.Calls} calls ({served.Repeated} repeated), {allocated / (1024 * 1024):N0} MiB allocated, GCs gen0/1/2 {gcs} pausing {paused.TotalMilliseconds:F0} ms, heap after {heap / (1024 * 1024):N0} MiB");
        }
    }

    return measured;
}

int Argument(int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

internal sealed record Measured(TimeSpan Wall, TimeSpan Cpu, FakeCalls Served);
