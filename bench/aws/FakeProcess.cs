using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kagi.Aws.Tests.Fake;

/// <summary>What the fake served in one run, and the CPU it took doing so.</summary>
internal sealed record FakeCalls(int Calls, int Repeated, Dictionary<string, int> CallsByAction, double CpuMilliseconds);

/// <summary>
/// The fake AWS in a child process: this program started with <c>--serve</c>. For each line it reads it starts a fresh
/// fake (a new port, so each run opens its connections anew) and prints its endpoint; at the next line it prints what that
/// fake served as one JSON line. One child serves every run, so its code is compiled once, in the warm-up run. Apart,
/// the scanner's CPU time and peak memory are its own, not shared with the fake's and Kestrel's as in one process.
/// </summary>
internal sealed class FakeProcess : IDisposable
{
    private readonly Process _process;

    /// <param name="estate">Regions, resources per kind, keys per region, latency in milliseconds; then, for an organization, its number of accounts.</param>
    public FakeProcess(IReadOnlyList<int> estate)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("--serve");
        foreach (var value in estate)
        {
            start.ArgumentList.Add(value.ToString(CultureInfo.InvariantCulture));
        }

        _process = Process.Start(start)!;
    }

    /// <summary>Starts a fresh fake in the child and returns its endpoint.</summary>
    public async Task<Uri> StartAsync()
    {
        await _process.StandardInput.WriteLineAsync("start");
        await _process.StandardInput.FlushAsync();
        return new Uri(await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the fake exited before serving"));
    }

    /// <summary>Stops the child's fake and returns what it served.</summary>
    public async Task<FakeCalls> StopAsync()
    {
        await _process.StandardInput.WriteLineAsync("stop");
        await _process.StandardInput.FlushAsync();
        var summary = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("the fake exited without its summary");
        return JsonSerializer.Deserialize<FakeCalls>(summary)!;
    }

    public void Dispose()
    {
        _process.StandardInput.Close();
        _process.WaitForExit();
        _process.Dispose();
    }

    /// <summary>The child's side: a fresh fake per "start" line, its summary at the "stop" line, until standard input closes.</summary>
    public static async Task<int> ServeAsync(string[] args)
    {
        var numbers = args.Select(arg => int.Parse(arg, CultureInfo.InvariantCulture)).ToArray();
        var estate = new BenchEstate(numbers[0], numbers[1], numbers[2]);
        var latency = TimeSpan.FromMilliseconds(numbers[3]);
        while (await Console.In.ReadLineAsync() is not null)
        {
            await ServeOnceAsync(numbers is [_, _, _, _, var accounts] ? () => FakeAws.StartAsync(BenchOrganization.Of(estate, accounts, latency)) : () => FakeAws.StartAsync(estate.Scenario(latency)));
        }

        return 0;
    }

    private static async Task ServeOnceAsync(Func<Task<FakeAws>> start)
    {
        await using var fake = await start();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.WriteLine(fake.Endpoint);
        await Console.In.ReadLineAsync();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;

        // Calls with a subject (a page's token, a key) must not repeat; per-resource describes carry none and are counted by action.
        var repeated = fake.Calls.Where(call => call.Subject is not null).GroupBy(call => call).Sum(group => group.Count() - 1);
        var byAction = fake.Calls.GroupBy(call => $"{call.Service} {call.Action}").ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        Console.WriteLine(JsonSerializer.Serialize(new FakeCalls(fake.Calls.Count, repeated, byAction, cpu.TotalMilliseconds)));
    }
}
